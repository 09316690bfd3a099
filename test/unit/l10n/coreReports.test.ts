// Issue 20 item 6, the rest of core's words: in the pseudo locale (every message in accented brackets,
// generated from the real bundle) the rotation's point-of-no-return refusals, the rotation report, the
// apply-recovery reasons, the SSO check and console guide, the plan's Markdown, the doctor and the
// conformance lines all come out translated; ids, statuses and data stay as written. And the extension's
// "edit targets" refusal is its own sentence from core, not core's abort sentence patched in English.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as path from 'node:path';
import { formatRotationReport, resumeOffer, rotationReport, stepTitle, type RotationJournal } from '../../../src/core/rotation';
import { resolveInterrupted } from '../../../src/core/accessAsCode/recover';
import type { ApplyJournal } from '../../../src/core/accessAsCode/applyJournal';
import type { AccessPlan } from '../../../src/core/accessAsCode/planTypes';
import { renderMarkdown } from '../../../src/core/accessAsCode/render/markdown';
import { consoleWhere } from '../../../src/core/sso/consoleGuide';
import { renderOnlineCheck } from '../../../src/core/sso/report';
import { checkProviderOnline } from '../../../src/core/sso/online/discoveryCheck';
import { formatSummary } from '../../../src/core/conformance/report';
import { runDoctor } from '../../../src/core/conformance/doctor';
import { createLangfuseClient } from '../../../src/core/langfuse';
import type { ConformanceReport } from '../../../src/core/conformance/types';
import { usePseudoLocale, type PseudoLocale } from './pseudoLocale';
const PK = 'pk-lf-c2000000-0000-4000-8000-000000000001';

function pastTheRevoke(): RotationJournal {
  return {
    v: 1, id: 'rot-20261207-101500-a1b2c3', tool: 'extension', pid: 1, actor: 'lead@acme.com', mode: 'normal',
    connection: { id: 'acme', baseUrl: 'https://cloud.langfuse.com' }, project: { id: 'p', name: 'staging-chatbot' },
    oldKey: { publicKey: PK, id: 'k1' }, targets: [{ target: 'env:/srv/app/.env' }], scanPaths: [], probeTraces: false,
    status: 'active', step: 'revoking', notes: [],
    history: ['planned', 'creating', 'created', 'pushing', 'pushed', 'verified', 'evidenced', 'revoking'].map((step, i) => ({ step, at: `2026-12-07T10:15:0${i}.000Z` })),
    createdAt: '2026-12-07T10:15:00.000Z', updatedAt: '2026-12-07T10:15:07.000Z',
  } as RotationJournal;
}

describe('l10n: core reports and checks in a pseudo-localised language', function () {
  this.timeout(60_000);
  let locale: PseudoLocale;
  let dir: string;
  let pseudo: (m: string) => string;
  const translated = (text: string) => text.startsWith('[') && text.endsWith(']');

  before(async () => { locale = await usePseudoLocale(); ({ dir, pseudo } = locale); });
  after(() => locale?.close());

  it('past the point of no return: step titles, the abort refusal and the separate edit-targets refusal', () => {
    assert.equal(stepTitle('pushing'), pseudo('Push to targets'));
    const offer = resumeOffer(pastTheRevoke());
    assert.equal(offer.canAbort, false);
    for (const text of [offer.question, offer.whyNoAbort!, offer.whyNoEdit!]) {
      assert.ok(translated(text), text);
      assert.doesNotMatch(text, /point of no return|Resume rotation/, 'no English sentence left');
    }
    assert.ok(offer.whyNoAbort!.includes('rot-20261207-101500-a1b2c3') && offer.whyNoAbort!.includes('2026-12-07T10:15:07.000Z'), 'data kept');
    assert.notEqual(offer.whyNoEdit, offer.whyNoAbort, 'editing targets gets its own sentence');
    assert.ok(offer.whyNoEdit!.startsWith(pseudo('Rotation {0} is past the point of no return: the revoke of the old key {1} started at {2}, so its targets can no longer change: they cannot go back to the old key. Finish it instead: {3} will {4}.').split('{0}')[0]));
  });

  it('the rotation report and the apply-recovery reasons', () => {
    const lines = formatRotationReport(rotationReport(pastTheRevoke())).split('\n');
    assert.ok(lines.includes(pseudo('Steps:')) && lines.includes(pseudo('Targets:')), lines.join('\n'));
    assert.ok(lines.some(l => l.includes(`[x] 4/11 ${pseudo('Push to targets')}`)));
    const applyJournal = { entries: [{ id: 'm1', kind: 'member.add', summary: 'add a@b.c', destroy: false, state: 'pending' }] } as unknown as ApplyJournal;
    const [recovered] = resolveInterrupted([applyJournal], [], { changes: [] } as unknown as AccessPlan);
    assert.equal(recovered.entries[0].why, pseudo('never started (the apply was interrupted first)'));
  });

  it('the SSO online check and console guide', async () => {
    assert.equal(consoleWhere('okta'), pseudo('Okta Admin Console → Applications → Create App Integration → OIDC - OpenID Connect'));
    const plan = { discoveryIssuer: undefined, provider: { discovery: { kind: 'none', why: () => 'x' } } } as unknown as Parameters<typeof checkProviderOnline>[0];
    const result = await checkProviderOnline(plan);
    assert.equal(result.items[0].id, 'discovery', 'ids stay ids');
    assert.equal(result.items[0].title, pseudo('OpenID Connect discovery'));
    assert.ok(renderOnlineCheck(result).startsWith(`${pseudo('Online check: not applicable')}\n`));
  });

  it('the plan\'s Markdown table and the conformance summary', () => {
    const plan = {
      file: path.join(dir, 'langfuse-access.yaml'), connection: { id: 'acme', host: 'cloud.langfuse.com' }, actingAs: 'lead@acme.com',
      fingerprint: 'sha256:0123456789abcdef0123', liveReadAt: '2026-12-07T10:00:00Z', warnings: [], unmanaged: [],
      changes: [{ id: 'm1', kind: 'member.add', summary: 'add a@b.c', from: '—', to: 'MEMBER', destroy: false, verdict: { status: 'allowed' } }],
    } as unknown as AccessPlan;
    const md = renderMarkdown(plan, { cwd: dir } as Parameters<typeof renderMarkdown>[1]);
    assert.ok(md.includes(`| | ${pseudo('Change')} | ${pseudo('Live')} | ${pseudo('Declared')} | ${pseudo('Guard')} | ${pseudo('Line')} |`), md);
    assert.ok(md.includes('| add a@b.c | — | MEMBER |'), 'cells of data stay as written');
    const summary = formatSummary({ cleanup: { removed: [], problems: [], notes: [] }, summary: { passed: 3, failed: 0, skipped: 1 } } as unknown as ConformanceReport);
    assert.ok(summary.includes(pseudo('Cleanup: nothing was left to remove.')) && summary.includes('[3 ƥȧşşḗḓ, 0 ƒȧīŀḗḓ, 1 şķīƥƥḗḓ]'), summary);
  });

  it('the doctor\'s lines (topics and statuses stay ids)', async () => {
    // A loopback port just freed: nothing listens, so the doctor reports the server as not reached.
    const probe = net.createServer();
    await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise(resolve => probe.close(resolve));
    const client = createLangfuseClient({ baseUrl: `http://127.0.0.1:${port}`, publicKey: 'pk-lf-x', secretKey: 'sk-lf-x', retry: { attempts: 1 } });
    const report = await runDoctor(client, { actor: { email: 'lead@acme.com' } as Parameters<typeof runDoctor>[1]['actor'], env: {} });
    const server = report.lines.find(l => l.topic === 'server');
    assert.equal(server?.status, 'fail');
    assert.ok(server!.text.startsWith(pseudo('not reached: {0}').split('{0}')[0]), server!.text);
    assert.equal(report.lines.find(l => l.topic === 'tls')?.text, pseudo('plain HTTP on loopback (allowed only there)'));
  });
});
