// When key pairs found in workspace files may be sent to a Langfuse host to ask who they are (the
// editor's "Verify Keys of This File Online", verify-on-save, `lint --online`): only from a trusted
// workspace, only to the host of one of the user's own connections — the one the access file names —
// and, when the user keeps an allow-list, only to a listed host. Plain data in, the reason out. On the
// activation path: it imports nothing that builds schemas.
import { l10n } from '../l10n/l10n';
import type { LoadedAccessFile } from '../access/accessFile';
import { hostLabel } from '../connections/connection';

export interface OnlineCheckInput {
  /** VS Code's workspace trust; the CLI, run by the user on paths they name, passes true. */
  workspaceTrusted: boolean;
  /** The access file covering the checked file, valid or not. */
  access: Pick<LoadedAccessFile, 'path' | 'config' | 'problems'> | undefined;
  /** The user's own connections (settings or the CLI's configuration), never the workspace's. */
  connections: readonly { id: string; name: string; baseUrl: string }[];
  /** `langfuseAccess.allowedHosts`; empty means no allow-list. */
  allowedHosts: readonly string[];
}

export function restrictedModeOnline(): string {
  return l10n.t('This workspace is in Restricted Mode: keys found in its files are never sent anywhere. Trust the workspace to verify them online.');
}

/** Why an online check may not run, or undefined when it may (then `connectionOf` says where it goes). */
export function onlineCheckRefusal(input: OnlineCheckInput): string | undefined {
  if (!input.workspaceTrusted) return restrictedModeOnline();
  const access = input.access;
  if (!access) return l10n.t('No .langfuse/access.yaml covers this file. Add one that names your connection ("{0}") so the check knows which of your Langfuse hosts to ask.', 'connection: <id>');
  if (!access.config) {
    const first = access.problems[0];
    return first
      ? l10n.t('The access file {0} is not valid (line {1}: {2}), so it cannot say which of your connections to ask. Fix the file first; its problems are shown in the editor.', access.path, first.range.start.line + 1, first.message)
      : l10n.t('The access file {0} is not valid, so it cannot say which of your connections to ask. Fix the file first; its problems are shown in the editor.', access.path);
  }
  const id = access.config.connection;
  if (!id) return l10n.t('The access file {0} names no connection. Add "{1}" with one of your connections ({2}) so the check knows which of your Langfuse hosts to ask.', access.path, 'connection: <id>', names(input));
  const connection = input.connections.find(c => c.id === id);
  if (!connection) return l10n.t('The access file names the connection "{0}", which is not one of your connections (user settings: {1}). Add a connection with that id, or name one of yours in {2}.', id, names(input), access.path);
  const allowed = input.allowedHosts.map(h => h.toLowerCase());
  if (allowed.length > 0 && !allowed.includes(hostLabel(connection.baseUrl).toLowerCase()) && !allowed.includes(safeHostname(connection.baseUrl))) {
    return l10n.t('{0} is not in {1}, so keys from workspace files are not sent to it.', hostLabel(connection.baseUrl), 'langfuseAccess.allowedHosts');
  }
  return undefined;
}

function names(input: OnlineCheckInput): string {
  return input.connections.length ? input.connections.map(c => `"${c.id}"`).join(', ') : l10n.t('none configured yet');
}

function safeHostname(baseUrl: string): string {
  try { return new URL(baseUrl).hostname.toLowerCase(); } catch { return ''; }
}
