// Child process for the audit forwarder crash test: `crash` mode appends entries in small groups
// and forwards after each group (the parent kills it with SIGKILL at a seeded random moment);
// `finish` mode only forwards what is pending, as the next run of the tool would.
//   node auditForwarderChild.cjs <crash|finish> <stateDir> <siemUrl> <entries>
import { AuditWriter } from '../../../src/core/audit/auditWriter';
import { forwardToSiem } from '../../../src/core/audit/forward/siemForwarder';

async function main(): Promise<void> {
  const [mode, stateDir, url, count] = process.argv.slice(2);
  const writer = new AuditWriter({ stateDir, actor: { identity: 'crash-test@acme.com', tool: 'cli' }, checkpointEvery: 25 });
  const forward = () => forwardToSiem({ url, token: 'sk-lf-canary-siem-000000000000000001', file: writer.file, stateDir, batchSize: 4, retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 5000 });
  process.stdout.write('ready\n');
  if (mode === 'crash') {
    for (let i = 0; i < Number(count); i += 3) {
      writer.appendMany([0, 1, 2].map(k => ({ action: 'member.roleChanged', resource: { kind: 'member', id: `user-${i + k}` }, outcome: 'success' as const, details: { n: i + k } })));
      await forward();
    }
  }
  const result = await forward();
  process.stdout.write(`${JSON.stringify({ sent: result.sent, pending: result.pending, error: result.error, busy: result.busy })}\n`);
}

main().then(() => process.exit(0), err => { process.stderr.write(`${String(err?.stack ?? err)}\n`); process.exit(1); });
