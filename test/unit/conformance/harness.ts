// The conformance and doctor commands run in-process (as main() runs them) against the sandbox over
// real HTTP, with the rotate tests' temp config and state folders.
import { command as conformance } from '../../../src/cli/commands/conformance';
import { UsageError, type CliCommand } from '../../../src/cli/command';
import { CONFORMANCE_PREFIX } from '../../../src/core/names';
import type { SandboxHandle } from '../../../src/sandbox';
import type { CliHarness, CliRun } from '../cli-rotate/support/cliHarness';

export async function runCommand(h: CliHarness, cmd: CliCommand, args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  try {
    const code = await cmd.run({ out: t => { out += t; }, err: t => { err += t; }, env: { ...h.env, ...extraEnv }, cwd: h.dir }, args);
    return { code, out, err };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { code: 2, out, err: `${err}${e.message}\n` };
  }
}

export function runConformance(h: CliHarness, args: string[] = ['--connection', 'acme', '--yes', '--json'], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return runCommand(h, conformance, args, extraEnv);
}

/** Everything carrying the prefix that the sandbox still holds: must be empty after every run. */
export function leftovers(sb: SandboxHandle): string[] {
  const s = sb.store;
  const found: string[] = [];
  for (const p of s.liveProjects()) if (p.name.startsWith(CONFORMANCE_PREFIX)) found.push(`project ${p.name}`);
  for (const k of s.apiKeys.values()) {
    const project = k.projectId ? s.liveProjects().find(p => p.id === k.projectId) : undefined;
    if (k.note?.startsWith(CONFORMANCE_PREFIX) && project) found.push(`key ${k.note}`);
  }
  for (const u of s.users.values()) if (u.email.startsWith(CONFORMANCE_PREFIX) && s.orgMemberships.has(u.id)) found.push(`member ${u.email}`);
  return found;
}
