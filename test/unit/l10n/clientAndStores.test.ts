// Issue 20 item 6 for the Langfuse client, connections, git, audit and .env edits: in the pseudo locale
// (every message in accented brackets, generated from the real bundle) what a user reads when a real
// sandbox refuses a key, a plan lacks the admin API, a server is gone, a connection is typed wrong or
// an audit log was tampered with comes out as one whole translated sentence; the server's text, names,
// paths and ids stay as written, and error kinds, codes and serverMessage keep their values.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLangfuseClient, errorFromResponse, type LangfuseError } from '../../../src/core/langfuse';
import { checkConnection } from '../../../src/core/langfuse/connectionCheck';
import { baseUrlProblem, connectionNameProblem, publicKeyInputProblem, secretKeyInputProblem } from '../../../src/core/connections/connectionInput';
import { resolveCliConnection } from '../../../src/core/connections/cliConfig';
import { AuditWriter } from '../../../src/core/audit/auditWriter';
import { verifyAuditLog } from '../../../src/core/audit/verify';
import { verifyReportText, verifySummary } from '../../../src/core/audit/presentation';
import { auditLogPresence, missingLogText } from '../../../src/core/audit/logPresence';
import { addGitignorePattern } from '../../../src/core/git/gitignoreWriter';
import { formatEnvValue } from '../../../src/core/env/envEdit';
import { onlineCheckRefusal } from '../../../src/core/rules/onlineCheckPolicy';
import { closeEnv, openEnv, thrown, type Env } from '../langfuse/helpers';
import { usePseudoLocale, type PseudoLocale, assertTranslatedWhole } from './pseudoLocale';

/** Translated whole, and no plain English left once the given data is taken out. */
const assertWhole = (text: string | undefined, data: readonly string[] = []) => assertTranslatedWhole(text, data);

describe('l10n: the Langfuse client, connections, git, audit and .env messages in a pseudo-localised language', function () {
  this.timeout(60_000);
  let locale: PseudoLocale;
  let env: Env | undefined;
  let tmp: string;

  before(async () => { locale = await usePseudoLocale(); tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-l10n-cs-')); });
  after(() => { locale?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });
  afterEach(async () => { await closeEnv(env); env = undefined; });

  it('a real sandbox: a wrong secret, a project key on an organization route, a plan without the admin API, the connection check of a project key', async () => {
    env = await openEnv({ plan: 'oss' });
    const creds = env.sandbox.credentials;
    const bad = await thrown(() => env!.client({ publicKey: creds.organization.publicKey, secretKey: 'sk-lf-wrong-0000' }).projects.list()) as LangfuseError;
    assert.equal(bad.kind, 'unauthorized');
    assertWhole(bad.message, [bad.serverMessage ?? '\0', new URL(env.sandbox.url).host]);
    assertWhole(bad.hint);
    const wrong = await thrown(() => env!.project('production-chatbot').projectApiKeys.list('proj-production-chatbot')) as LangfuseError;
    assert.equal(wrong.kind, 'wrongKeyKind');
    assert.ok(wrong.serverMessage && wrong.message.includes(wrong.serverMessage), 'the server\'s text is kept');
    assertWhole(wrong.message, [wrong.serverMessage!]);
    const gate = await thrown(() => env!.org.organizationMemberships.list()) as LangfuseError;
    assert.equal(gate.kind, 'planGate');
    assertWhole(gate.message, ['Langfuse', 'Cloud Team', 'Cloud Enterprise', 'Self-hosted Enterprise', 'admin-api']);
    assertWhole(gate.hint, ['LANGFUSE_EE_LICENSE_KEY']);
    assert.ok(gate.message.includes(locale.pseudo('Langfuse Cloud Team, Cloud Enterprise and Self-hosted Enterprise')), 'the plan list is translated too');
    const check = await checkConnection(env.project('staging-chatbot'), env.sandbox.url);
    assertWhole(check.summary, ['staging-chatbot', 'Acme Corp', 'Langfuse']);
    assertWhole(check.warning, ['Langfuse']);
  });

  it('error answers of every kind, with and without the server\'s text, and an unreachable server', async () => {
    const ctx = { request: 'GET /api/public/projects', host: 'lf.example.com', publicKey: 'pk-lf-0000aaaa-1111', body: undefined as unknown };
    const said = 'Something the server said';
    for (const status of [400, 401, 403, 404, 405, 409, 429, 500, 418]) {
      for (const body of [undefined, { message: said }]) {
        const err = errorFromResponse({ ...ctx, status, body, retryAfterMs: status === 429 && body ? 3000 : undefined });
        assertWhole(err.message, [said, ctx.request]);
        if (body && ![405, 429, 500].includes(status)) assert.ok(err.message.includes(said), `${status} keeps the server's text`);
      }
    }
    const gone = errorFromResponse({ ...ctx, status: 404, body: { message: 'This endpoint is not available', _deprecation: { replacement: 'GET /api/public/v2/traces' } } });
    assert.equal(gone.kind, 'unsupported');
    assertWhole(gone.message, ['This endpoint is not available', ctx.request]);
    const port = await freePort();
    const client = createLangfuseClient({ baseUrl: `http://127.0.0.1:${port}`, publicKey: 'pk-lf-x', secretKey: 'sk-lf-y', retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } });
    const down = await thrown(() => client.projects.list()) as LangfuseError;
    assert.equal(down.kind, 'network');
    assertWhole(down.message, ['ECONNREFUSED', 'GET /api/public/projects']);
    assert.throws(() => createLangfuseClient({ baseUrl: 'http://lf.example.com', publicKey: 'pk-lf-x', secretKey: 'sk-lf-y' }), (e: Error) => { assertWhole(e.message); return true; });
  });

  it('typing a connection and resolving the CLI\'s', () => {
    for (const text of [baseUrlProblem('ftp://x'), baseUrlProblem('https://lf.example.com/api/public'), connectionNameProblem('', []), connectionNameProblem('acme', ['acme']),
      publicKeyInputProblem('sk-lf-1'), publicKeyInputProblem('x'), secretKeyInputProblem('pk-lf-1'), secretKeyInputProblem('sk-lf-...abcd')]) assertWhole(text, ['acme']);
    const config = path.join(tmp, 'config');
    assert.throws(() => resolveCliConnection({ env: { XDG_CONFIG_HOME: config }, cwd: tmp }, 'nope'), (e: Error) => { assertWhole(e.message, ['nope', config, '{id, name, baseUrl, credentialsFile}']); return true; });
    assert.throws(() => resolveCliConnection({ env: { XDG_CONFIG_HOME: config }, cwd: tmp }), (e: Error) => { assertWhole(e.message, [config]); return true; });
  });

  it('a tampered audit log: the problems, the verify report and the summary; a missing log', () => {
    const writer = new AuditWriter({ stateDir: path.join(tmp, 'state'), actor: { identity: 'lead@acme.com', tool: 'cli' } });
    const file = writer.file;
    for (const name of ['a', 'b', 'c']) writer.append({ action: 'project.create', resource: { kind: 'project', name }, outcome: 'success', details: {} });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // The second entry deleted, the third edited: a gap and an edit.
    fs.writeFileSync(file, [lines[0], lines[2].replace('"name":"c"', '"name":"x"'), ''].join('\n'));
    const edited = verifyAuditLog(file, {});
    fs.writeFileSync(file, [lines[0], lines[2], ''].join('\n'));
    const report = verifyAuditLog(file, {});
    assert.deepEqual([...edited.problems, ...report.problems].map(p => p.kind).sort(), ['deleted', 'edited'], JSON.stringify([edited, report]));
    for (const p of edited.problems) assertWhole(p.message);
    assertWhole(verifySummary(edited));
    for (const p of report.problems) assertWhole(p.message);
    assertWhole(verifySummary(report));
    for (const line of verifyReportText(file, true, report, undefined).trimEnd().split('\n')) assertWhole(line, [file, ...report.problems.map(p => p.message), 'edited', 'deleted']);
    const missing = missingLogText(auditLogPresence(path.join(tmp, 'none.log'), tmp), false);
    assertWhole(missing.text, [path.join(tmp, 'none.log')]);
  });

  it('.gitignore and .env edits that are refused, and an online check that may not run', () => {
    assert.throws(() => addGitignorePattern('', 'a\nb'), (e: Error) => { assertWhole(e.message); return true; });
    assert.throws(() => formatEnvValue('a"b\'c`d'), (e: Error) => { assertWhole(e.message, ['.env']); return true; });
    assertWhole(onlineCheckRefusal({ workspaceTrusted: false, connections: [], allowedHosts: [] } as never));
    assertWhole(onlineCheckRefusal({ workspaceTrusted: true, connections: [], allowedHosts: [] } as never), ['.langfuse/access.yaml']);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}
