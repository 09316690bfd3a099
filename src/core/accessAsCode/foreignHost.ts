// The foreign-host check for a `.env` store named by a (cloned, untrusted) access file: a file whose
// SDK base URL names another host than the connection's must never receive that connection's new
// key (the workspace would choose where the secret is used). One small function, so that the
// rotation's own check can replace it in one place once it exists in core.
import { l10n } from '../l10n/l10n';
import { parseEnv } from '../env/envParser';
import { langfuseVariable } from '../env/langfuseVariables';
import { readFileNoFollow } from '../fs/scopedWrite';

/** Undefined when the file is absent, names no host, or names the connection's host; else why not. */
export function foreignHostProblem(file: string, connectionBaseUrl: string): string | undefined {
  const text = readFileNoFollow(file);
  if (text === undefined) return undefined;
  const own = hostOf(connectionBaseUrl);
  for (const entry of parseEnv(text).entries) {
    const kind = langfuseVariable(entry.key)?.kind;
    if (kind !== 'baseUrl' && kind !== 'baseUrlLegacy' && kind !== 'host') continue;
    if (!entry.value.trim()) continue;
    const named = hostOf(entry.value.trim());
    if (named === undefined) return l10n.t('{0} in {1} is not a URL, so it cannot be told which host the key would be used with; refused.', entry.key, file);
    if (named !== own) return l10n.t('{0} in {1} points the SDK at {2}, not at this connection\'s host {3}: a key of this connection is never written into a file that sends it to another host. Fix the file\'s base URL, or use another store.', entry.key, file, named, own ?? '');
  }
  return undefined;
}

function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.host.toLowerCase();
  } catch {
    return undefined;
  }
}
