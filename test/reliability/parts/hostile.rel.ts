// Hostile server (issue 8): the client against a deliberately malicious server and the sandbox's
// fault modes. Figures: calls that did not end within their timeout budget (0), calls that ended
// with anything but the expected typed error (0), credentials received by another host after a
// redirect (0), memory growth (bounded), connections left open (0).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { AuditWriter } from '../../../src/core/audit/auditWriter';
import { forwardToSiem } from '../../../src/core/audit/forward/siemForwarder';
import { SinkError } from '../../../src/core/secrets/errors';
import { VaultHttp } from '../../../src/core/secrets/vault/vaultHttp';
import { closeAllHostGates, createLangfuseClient, LangfuseError, type LangfuseErrorKind } from '../../../src/core/langfuse/index';
import { startSandbox, type FaultRule } from '../../../src/sandbox/index';
import { figure, runPart, unhandledCount } from '../lib/figures';
import { HOSTILE_MODES, startHostileServer, type HostileMode } from '../lib/maliciousServer';

const PART = 'hostile-server';
const CANARY = { publicKey: 'pk-lf-a0000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-canary-hostile-00000000000000000001' };
const TIMEOUT_MS = 1000;
/** For servers that answer at once (wrongly): a timeout no busy machine reaches, so the typed error
 * seen is the answer's, never a timeout because the 1 GiB sender next door took the CPU. */
const ANSWERING_TIMEOUT_MS = 8000;
const RETRY = { attempts: 2, baseDelayMs: 100, maxDelayMs: 200, maxRetryAfterMs: 5000 };
/** Two attempts, one backoff, and scheduling slack. */
const budgetMs = (timeoutMs: number) => RETRY.attempts * timeoutMs + RETRY.maxDelayMs + 1500;
const BUDGET_MS = budgetMs(TIMEOUT_MS);

const EXPECTED: Record<HostileMode, LangfuseErrorKind[]> = {
  'huge-body': ['schema'],
  'endless-chunked': ['timeout'],
  'redirect-other-host': ['redirect'],
  'redirect-other-port': ['redirect'],
  'redirect-loop': ['server'],
  'wrong-content-type': ['schema'],
  'ok-with-error-body': ['schema'],
  'html-login': ['schema'],
  'redirect-to-login': ['schema'],
  'slowloris-headers': ['timeout'],
  'never-answers': ['timeout'],
  'not-http': ['network'],
  'huge-headers': ['network'],
  'truncated-json': ['schema'],
  'retry-after-forever': ['rateLimited'],
  'json-bomb-depth': ['schema'],
};

const timeoutFor = (mode: HostileMode) => (EXPECTED[mode].includes('timeout') ? TIMEOUT_MS : ANSWERING_TIMEOUT_MS);

const gc = (() => { v8.setFlagsFromString('--expose-gc'); return vm.runInNewContext('gc') as () => void; })();
const mb = (n: number) => n / 1048576;

interface CallOutcome { label: string; ms: number; kind: string; message: string }

async function timedCall(label: string, fn: () => Promise<unknown>): Promise<CallOutcome> {
  const t0 = performance.now();
  try {
    await fn();
    return { label, ms: performance.now() - t0, kind: 'ok', message: '' };
  } catch (err) {
    const kind = err instanceof LangfuseError ? err.kind : err instanceof SinkError ? `sink ${err.name}` : `untyped ${(err as Error)?.name ?? typeof err}`;
    return { label, ms: performance.now() - t0, kind, message: String((err as Error)?.message ?? err) };
  }
}

runPart(PART, async ({ long }) => {
  const hostile = await startHostileServer();
  const rounds = long ? 10 : 3;
  let late = 0, wrongKind = 0, leakedInMessage = 0, vague = 0;
  const problems: string[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 10);
  gc();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;

  for (let round = 0; round < rounds; round++) {
    const call = (mode: HostileMode) => {
      const client = createLangfuseClient({ baseUrl: `${hostile.url}/${mode}`, ...CANARY, timeoutMs: timeoutFor(mode), retry: RETRY });
      return timedCall(mode, () => client.projects.list());
    };
    const outcomes = await Promise.all(HOSTILE_MODES.filter(m => m !== 'retry-after-forever').map(call));
    // A 429 pauses the whole host (every client of it) for at most maxRetryAfterMs: a call queued
    // behind "Retry-After: 86400" must still end within that plus its own budget.
    const [limited, queued] = await Promise.all([call('retry-after-forever'), new Promise<CallOutcome>(r => setTimeout(() => r(call('html-login')), 50))]);
    outcomes.push(limited);
    if (queued.ms > budgetMs(ANSWERING_TIMEOUT_MS) + RETRY.maxRetryAfterMs) { late++; problems.push(`call queued behind a 429: ${queued.ms.toFixed(0)} ms`); }
    for (const o of outcomes) {
      const mode = o.label as HostileMode;
      if (o.ms > budgetMs(timeoutFor(mode))) { late++; problems.push(`${mode}: ${o.ms.toFixed(0)} ms`); }
      if (!EXPECTED[mode].includes(o.kind as LangfuseErrorKind)) { wrongKind++; problems.push(`${mode}: ended ${o.kind} (${o.message.slice(0, 120)}), expected ${EXPECTED[mode].join('/')}`); }
      if (o.message.includes('sk-lf-canary') || o.message.includes(Buffer.from(`${CANARY.publicKey}:${CANARY.secretKey}`).toString('base64').slice(0, 20))) leakedInMessage++;
      if (o.kind !== 'ok' && o.message.length < 30) { vague++; problems.push(`${mode}: vague message "${o.message}"`); }
      if (round === 0) process.stderr.write(`[hostile] ${mode.padEnd(22)} ${o.kind.padEnd(12)} ${o.ms.toFixed(0).padStart(5)} ms  ${o.message.slice(0, 150)}\n`);
    }
    await closeAllHostGates();
  }
  clearInterval(sampler);
  await new Promise(r => setTimeout(r, 200));
  gc();
  const heapGrowth = mb(process.memoryUsage().heapUsed - heapBefore);
  const calls = rounds * HOSTILE_MODES.length;
  figure(PART, `malicious server: calls over their timeout budget (${calls} calls, budget ${BUDGET_MS} ms, ${budgetMs(ANSWERING_TIMEOUT_MS)} ms for servers that answer)`, late, { max: 0 }, problems.find(p => /ms$/.test(p)));
  figure(PART, 'malicious server: calls without the expected typed error', wrongKind, { max: 0 }, problems.find(p => /expected/.test(p)));
  figure(PART, 'malicious server: error messages naming no cause (< 30 chars)', vague, { max: 0 }, problems.find(p => /vague/.test(p)));
  figure(PART, 'malicious server: error messages holding the secret', leakedInMessage, { max: 0 });
  figure(PART, 'peak RSS growth while a server sends 1 GiB (MB; body cap 32 MiB)', mb(peakRss - rssBefore), { max: 200 });
  figure(PART, `heap retained after ${rounds} rounds (MB)`, heapGrowth, { max: 16 });
  figure(PART, 'server connections still open after every call ended', hostile.openSockets(), { max: 0 });

  // The audit forwarder's SIEM token must not follow a redirect either.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rel-hostile-'));
  const writer = new AuditWriter({ stateDir: dir, actor: { identity: 'reliability@acme.com', tool: 'cli' } });
  writer.append({ action: 'apiKey.created', resource: { kind: 'apiKey', name: 'production-chatbot' }, outcome: 'success' });
  const forwarded = await forwardToSiem({ url: `${hostile.url}/redirect-other-host/siem`, token: 'sk-lf-canary-siem-token-000000000001', file: writer.file, stateDir: dir, retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, timeoutMs: TIMEOUT_MS });
  figure(PART, 'SIEM forwarding through a redirect: entries counted as sent', forwarded.sent, { max: 0 }, forwarded.error);
  fs.rmSync(dir, { recursive: true, force: true });

  // The other HTTP clients with credentials: the Vault sink (token) and the SIEM forwarder (bearer
  // token), against the modes that trickle or flood. Each call ends near its timeout, memory bounded.
  let otherLate = 0, otherUntyped = 0, otherPeak = 0;
  const otherProblems: string[] = [];
  const otherRss = process.memoryUsage().rss;
  const otherSampler = setInterval(() => { otherPeak = Math.max(otherPeak, process.memoryUsage().rss); }, 10);
  const siemDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rel-hostile-siem-'));
  const siemWriter = new AuditWriter({ stateDir: siemDir, actor: { identity: 'reliability@acme.com', tool: 'cli' } });
  siemWriter.append({ action: 'apiKey.created', resource: { kind: 'apiKey', name: 'staging-chatbot' }, outcome: 'success' });
  for (const mode of ['endless-chunked', 'huge-body', 'slowloris-headers', 'never-answers', 'redirect-other-host'] as HostileMode[]) {
    const vault = new VaultHttp('vault:secret/langfuse', { address: `${hostile.url}/${mode}`, token: 'hvs.sk-lf-canary-vault-token-0001', timeoutMs: TIMEOUT_MS });
    const v = await timedCall(`vault ${mode}`, () => vault.call('GET', 'secret/data/langfuse'));
    if (!v.kind.startsWith('sink ')) { otherUntyped++; otherProblems.push(`vault ${mode}: ${v.kind} ${v.message.slice(0, 100)}`); }
    if (v.ms > TIMEOUT_MS + 1500) { otherLate++; otherProblems.push(`vault ${mode}: ${v.ms.toFixed(0)} ms`); }
    const siem = await timedCall(`siem ${mode}`, () => forwardToSiem({ url: `${hostile.url}/${mode}/siem`, token: 'sk-lf-canary-siem-token-000000000002', file: siemWriter.file, stateDir: siemDir, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, timeoutMs: TIMEOUT_MS }));
    if (siem.kind !== 'ok') { otherUntyped++; otherProblems.push(`siem ${mode}: threw ${siem.kind} ${siem.message.slice(0, 100)}`); }
    if (siem.ms > TIMEOUT_MS + 1500) { otherLate++; otherProblems.push(`siem ${mode}: ${siem.ms.toFixed(0)} ms`); }
    process.stderr.write(`[hostile] vault ${mode.padEnd(20)} ${v.ms.toFixed(0).padStart(5)} ms ${v.message.slice(0, 90)}\n[hostile] siem  ${mode.padEnd(20)} ${siem.ms.toFixed(0).padStart(5)} ms\n`);
  }
  clearInterval(otherSampler);
  fs.rmSync(siemDir, { recursive: true, force: true });
  figure(PART, 'Vault sink and SIEM forwarder: calls over timeout + 1.5 s (10 calls)', otherLate, { max: 0 }, otherProblems.find(p => / ms$/.test(p)));
  figure(PART, 'Vault sink and SIEM forwarder: calls without a sink error / forward result', otherUntyped, { max: 0 }, otherProblems.find(p => !/ ms$/.test(p)));
  figure(PART, 'Vault sink and SIEM forwarder: peak RSS growth (MB) against a 1 GiB answer', mb(Math.max(0, otherPeak - otherRss)), { max: 64 });

  figure(PART, 'connections to another host after a cross-host redirect', hostile.attacker.connections, { max: 0 }, hostile.attacker.requests.join(', ') || undefined);
  figure(PART, 'credentials received by another host', hostile.attacker.credentialsSeen, { max: 0 });
  await hostile.close();

  // The sandbox's own fault modes: each call ends in time, with success or a typed error.
  const sandbox = await startSandbox();
  const project = sandbox.credentials.projects['production-chatbot'];
  const faults: [string, FaultRule[], LangfuseErrorKind[] | 'ok'][] = [
    ['latency beyond the timeout', [{ kind: 'latency', ms: 5000 }], ['timeout']],
    ['one 429 then answers', [{ kind: 'rateLimit', retryAfterSeconds: 0, times: 1 }], 'ok'],
    ['429 with a day-long Retry-After', [{ kind: 'rateLimit', retryAfterSeconds: 86400 }], ['rateLimited']],
    ['500 once', [{ kind: 'serverError', times: 1 }], 'ok'],
    ['503 always', [{ kind: 'serverError', status: 503 }], ['server']],
    ['dropped connection', [{ kind: 'drop' }], ['network']],
    ['malformed JSON', [{ kind: 'malformedJson' }], ['schema']],
    ['schema drift: missing field', [{ kind: 'schemaDrift', drift: 'missing' }], ['schema']],
    ['schema drift: extra field', [{ kind: 'schemaDrift', drift: 'extra' }], 'ok'],
    ['slow body beyond the timeout', [{ kind: 'slowBody', ms: 300, chunkBytes: 4 }], ['timeout']],
  ];
  let faultLate = 0, faultWrong = 0;
  const faultProblems: string[] = [];
  for (const [label, rules, expected] of faults) {
    sandbox.setFaults(rules);
    const client = createLangfuseClient({ baseUrl: sandbox.url, ...project, timeoutMs: TIMEOUT_MS, retry: RETRY });
    const o = await timedCall(label, () => client.whoAmI());
    const ok = expected === 'ok' ? o.kind === 'ok' : expected.includes(o.kind as LangfuseErrorKind);
    if (!ok) { faultWrong++; faultProblems.push(`${label}: ${o.kind} ${o.message.slice(0, 100)}`); }
    if (o.ms > BUDGET_MS) { faultLate++; faultProblems.push(`${label}: ${o.ms.toFixed(0)} ms`); }
    process.stderr.write(`[hostile] sandbox ${label.padEnd(32)} ${o.kind.padEnd(12)} ${o.ms.toFixed(0).padStart(5)} ms\n`);
    await closeAllHostGates();
  }
  await sandbox.close();
  figure(PART, `sandbox faults: calls over their timeout budget (${faults.length} modes)`, faultLate, { max: 0 }, faultProblems[0]);
  figure(PART, 'sandbox faults: calls without success or the expected typed error', faultWrong, { max: 0 }, faultProblems[0]);
  const u = unhandledCount();
  figure(PART, 'unhandled rejections / uncaught exceptions', u.count, { max: 0 }, u.samples[0]);
});
