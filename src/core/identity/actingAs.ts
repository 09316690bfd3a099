import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Who is acting, for audit entries and permission guards: an explicit setting/env value, else the
 * global git user.email (read from ~/.gitconfig, never by running git), else the OS user@host.
 */
export function resolveActingIdentity(explicit: string | undefined, home = os.homedir()): { identity: string; source: 'setting' | 'git' | 'os' } {
  if (explicit && explicit.trim()) return { identity: explicit.trim(), source: 'setting' };
  const email = readGitUserEmail(home);
  if (email) return { identity: email, source: 'git' };
  return { identity: `${safeUserName()}@${os.hostname()}`, source: 'os' };
}

export function readGitUserEmail(home: string): string | undefined {
  for (const file of [path.join(home, '.gitconfig'), path.join(process.env.XDG_CONFIG_HOME || path.join(home, '.config'), 'git', 'config')]) {
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch { continue; }
    let inUser = false;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      const section = /^\[\s*([^\]\s"]+)/.exec(line);
      if (section) { inUser = section[1].toLowerCase() === 'user'; continue; }
      const kv = /^email\s*=\s*(.+)$/i.exec(line);
      if (inUser && kv) return kv[1].replace(/^"|"$/g, '').trim() || undefined;
    }
  }
  return undefined;
}

function safeUserName(): string {
  try { return os.userInfo().username; } catch { return 'unknown'; }
}

/** The session's acting identity from a setting or environment value: the guards need an email, the audit log always gets a label. */
export function actingIdentity(explicit: string | undefined, home?: string): { email: string | undefined; label: string } {
  const resolved = resolveActingIdentity(explicit, home);
  return { email: resolved.source === 'os' ? undefined : resolved.identity, label: resolved.identity };
}
