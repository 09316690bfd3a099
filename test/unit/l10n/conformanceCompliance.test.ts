// Issue 20 item 6, "a translator can add a language without touching code": in the pseudo locale a real
// conformance run against the sandbox (Team and OSS plans, and one stopped by a non-admin identity),
// the doctor, and the deployment compliance report (text and Markdown) carry no English sentence of
// their own: every human field is a whole translated message, and no plain English is left in or
// around one. Ids, JSON field names, status marks and data (names, emails, keys, files) stay as written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseDocument } from 'yaml';
import { command as doctor } from '../../../src/cli/commands/doctor';
import { done } from '../../../src/core/conformance/context';
import type { ConformanceReport } from '../../../src/core/conformance/types';
import type { DoctorReport } from '../../../src/core/conformance/doctor';
import { buildComplianceReport } from '../../../src/core/deployment/complianceReport';
import { renderMarkdown, renderText } from '../../../src/core/deployment/renderReport';
import { escapeMarkdown } from '../../../src/core/display/markdown';
import { PLANS_WITH_ADMIN_API } from '../../../src/core/langfuse/errorMapping';
import type { ActionOutcome } from '../../../src/core/session';
import { startCliHarness, type CliHarness } from '../cli-rotate/support/cliHarness';
import { runCommand, runConformance } from '../conformance/harness';
import { check, fixture } from '../deployment/helpers';
import { untranslatedEnglish, usePseudoLocale, type PseudoLocale, assertTranslatedWhole } from './pseudoLocale';

/** Every human line of a conformance report: check titles and details, cleanup lines, notes, why it stopped. */
function humanLines(r: ConformanceReport): string[] {
  return [...r.checks.flatMap(c => [c.title, c.detail]), ...r.cleanup.removed, ...r.cleanup.problems, ...r.cleanup.notes, ...(r.stopped ? [r.stopped] : [])];
}

function assertAllTranslated(lines: readonly string[], data: readonly string[] = []): void {
  for (const line of lines) assertTranslatedWhole(line, data, 'a line');
}

describe('l10n: conformance, doctor and the compliance report in a pseudo-localised language', function () {
  this.timeout(60_000);
  let locale: PseudoLocale;
  let h: CliHarness | undefined;
  before(async () => { locale = await usePseudoLocale(); });
  after(() => locale?.close());
  afterEach(async () => { await h?.close(); h = undefined; });

  it('a full conformance run (Team plan): titles, details, cleanup lines and the SCIM note', async () => {
    h = await startCliHarness();
    const r = await runConformance(h);
    const report = JSON.parse(r.out) as ConformanceReport;
    assert.deepEqual(report.summary, { passed: 14, failed: 0, skipped: 0 }, r.err);
    assert.ok(report.checks.some(c => c.id === 'accessAsCode.roundTrip'), 'check ids stay ids');
    assert.ok(report.cleanup.notes.length > 0 && report.cleanup.removed.length > 0, 'the run has cleanup lines and notes to look at');
    assertAllTranslated(humanLines(report));
    const rotation = report.checks.find(c => c.id === 'rotation')!.detail;
    assert.ok(rotation.includes('(v2-observations)'), `the probe's source stays an id: ${rotation}`);
  });

  it('skips (OSS plan) and a stop before any change (not OWNER or ADMIN)', async () => {
    h = await startCliHarness({ plan: 'oss' });
    const oss = JSON.parse((await runConformance(h)).out) as ConformanceReport;
    assert.equal(oss.summary.skipped, 13);
    assert.ok(oss.checks.every(c => c.status !== 'skip' || !c.plans || c.plans === PLANS_WITH_ADMIN_API), 'plans are data');
    assertAllTranslated(humanLines(oss));
    await h.close();
    h = await startCliHarness({ env: { LANGFUSE_ACCESS_ACTING_AS: 'developer@acme.com' } });
    const stopped = JSON.parse((await runConformance(h)).out) as ConformanceReport;
    assert.equal(stopped.checks.find(c => c.id === 'identity')?.status, 'fail');
    assert.ok(stopped.stopped);
    assertAllTranslated(humanLines(stopped));
  });

  it('a refused or cancelled action of a check is one translated sentence, the guard\'s reason and the name inside', () => {
    const refused = { status: 'refused', decision: { allowed: false, rule: 'last-owner', reason: 'REASON', askWhom: [] } } as unknown as ActionOutcome;
    const cancelled = { status: 'cancelled', decision: { allowed: true } } as unknown as ActionOutcome;
    assert.throws(() => done(refused, { kind: 'member.remove', email: 'a@acme.com' }), (e: Error) => e.message === locale.pseudo('removing {0} was refused: {1}').replace('{0}', 'a@acme.com').replace('{1}', 'REASON'));
    assert.throws(() => done(cancelled, { kind: 'apiKey.revoke', key: 'pk-lf-…abcd' }), (e: Error) => e.message === locale.pseudo('revoking {0} was cancelled: not confirmed').replace('{0}', 'pk-lf-…abcd'));
  });

  it('the doctor against a Team server: every line', async () => {
    h = await startCliHarness();
    const r = await runCommand(h, doctor, ['--connection', 'acme', '--json']);
    const report = JSON.parse(r.out) as DoctorReport;
    assert.ok(['server', 'traces', 'key', 'plan', 'identity', 'rate limit', 'clock', 'tls'].every(t => report.lines.some(l => l.topic === t)), 'topics stay ids');
    assertAllTranslated(report.lines.map(l => l.text));
  });

  it('the compliance report: headings, table headers, requirements, evidence and summaries (status marks stay)', () => {
    const result = check(fixture('hardened/docker-compose.yml'), fixture('langfuse-v3/docker-compose.yml'), fixture('broken/docker-compose.yml'));
    const report = buildComplianceReport(result, { file: '/state/audit.jsonl', ok: true, entries: 3, problems: 0, keyIds: [] });
    assert.ok(report.rows.length >= 14 && report.rows.some(r => r.id === 'audit-trail'));
    assertAllTranslated(report.rows.flatMap(r => [r.category, r.requirement]));
    // Data: the YAML parser's own words about the broken file.
    const yamlError = parseDocument(fs.readFileSync(fixture('broken/docker-compose.yml'), 'utf8')).errors[0].message.split('\n')[0];
    // Evidence notes are sentences of the checks, or (a pinned image) the image reference alone.
    assertAllTranslated(report.rows.flatMap(r => r.evidence.map(e => e.note)).filter(n => /\s/.test(n)), [yamlError]);
    const base = fixture('.');
    const md = renderMarkdown(report, base);
    const [heading, , files, , header] = md.split('\n');
    assert.equal(heading, `# ${locale.pseudo('Langfuse deployment compliance')}`);
    assert.ok(files.startsWith(locale.pseudo('Files: {0}').split('{0}')[0]), files);
    assert.equal(header, `| ${['Category', 'Requirement', 'Status', 'Evidence'].map(locale.pseudo).join(' | ')} |`);
    const text = renderText(report, result, base);
    assert.ok(text.startsWith(`${locale.pseudo('Deployment compliance')}\n`));
    // The text form's finding lines keep the lint format's severity and code columns (ids).
    const lintColumns = result.findings.map(f => `${f.severity.padEnd(7)}  ${f.code}`);
    for (const out of [md, text]) {
      const marks = ['NOT FOUND', 'PASS', 'FAIL', 'WARN'];
      assert.ok(marks.slice(1).some(m => out.includes(m)), 'status marks stay as written');
      assert.deepEqual(untranslatedEnglish(out, [...marks, ...lintColumns, yamlError, escapeMarkdown(yamlError)]), [], out);
    }
  });
});
