// `langfuse-access doctor`: read-only diagnosis of one connection (src/core/conformance/doctor.ts).
// stdout: one line per finding (or JSON with --json). Exit 0 the server answered and accepted the key
// (even with entitlements missing), 1 it was not reached or refused the key, 2 usage or configuration.
import * as os from 'node:os';
import { l10n } from '../../core/l10n/l10n';
import { parseArgs } from 'node:util';
import { runDoctor, type DoctorStatus } from '../../core/conformance/doctor';
import { ConnectionConfigError, resolveCliConnection } from '../../core/connections/cliConfig';
import { forTerminal, jsonForTerminal } from '../../core/display/terminal';
import { actingIdentity } from '../../core/identity/actingAs';
import { closeAllHostGates, createLangfuseClient } from '../../core/langfuse';
import { CliEnv, ExitCode, TOOL_NAME } from '../../core/names';
import { doctorHelp, DOCTOR_USAGE } from '../../core/display/help/doctor';
import { UsageError, type CliCommand, type CliIo } from '../command';


const MARK: Record<DoctorStatus, string> = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL', info: 'INFO' };

export const command: CliCommand = {
  usage: DOCTOR_USAGE,
  help: doctorHelp,
  async run(io: CliIo, args: string[]): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({ args, allowPositionals: false, options: { connection: { type: 'string' }, json: { type: 'boolean' } } }));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    let conn;
    try {
      conn = resolveCliConnection(io, values.connection);
    } catch (err) {
      if (err instanceof ConnectionConfigError) { io.err(`${TOOL_NAME} doctor: ${err.message}\n`); return ExitCode.usage; }
      throw err;
    }
    try {
      // Read-only: a client of its own, no session (nothing is changed, nothing is audited).
      const client = createLangfuseClient({ baseUrl: conn.baseUrl, publicKey: conn.publicKey, secretKey: conn.secretKey, retry: { attempts: 2 }, timeoutMs: 15_000 });
      const report = await runDoctor(client, { actor: actingIdentity(io.env[CliEnv.actingAs], io.env.HOME || os.homedir()), env: io.env });
      if (values.json) {
        io.out(`${jsonForTerminal(JSON.stringify({ ...report, connection: conn.id, publicKey: conn.publicKey }, null, 2))}\n`);
      } else {
        io.out(`${l10n.t('Langfuse at {0} with {1} ({2})', forTerminal(conn.baseUrl), forTerminal(conn.publicKey), forTerminal(conn.credentialsSource))}\n`);
        const width = Math.max(...report.lines.map(l => l.topic.length));
        for (const l of report.lines) io.out(`${MARK[l.status]}  ${l.topic.padEnd(width)}  ${forTerminal(l.text)}\n`);
      }
      return report.reached && report.keyAccepted ? ExitCode.ok : ExitCode.findings;
    } finally {
      await closeAllHostGates();
    }
  },
};
