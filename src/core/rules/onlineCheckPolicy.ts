// When key pairs found in workspace files may be sent to a Langfuse host to ask who they are (the
// editor's "Verify Keys of This File Online", verify-on-save, `lint --online`): only from a trusted
// workspace, only to the host of one of the user's own connections — the one the access file names —
// and, when the user keeps an allow-list, only to a listed host. Plain data in, the reason out. On the
// activation path: it imports nothing that builds schemas.
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

export const RESTRICTED_MODE_ONLINE = 'This workspace is in Restricted Mode: keys found in its files are never sent anywhere. Trust the workspace to verify them online.';

/** Why an online check may not run, or undefined when it may (then `connectionOf` says where it goes). */
export function onlineCheckRefusal(input: OnlineCheckInput): string | undefined {
  if (!input.workspaceTrusted) return RESTRICTED_MODE_ONLINE;
  const access = input.access;
  if (!access) return `No .langfuse/access.yaml covers this file. Add one that names your connection ("connection: <id>") so the check knows which of your Langfuse hosts to ask.`;
  if (!access.config) {
    const first = access.problems[0];
    return `The access file ${access.path} is not valid${first ? ` (line ${first.range.start.line + 1}: ${first.message})` : ''}, so it cannot say which of your connections to ask. Fix the file first; its problems are shown in the editor.`;
  }
  const id = access.config.connection;
  if (!id) return `The access file ${access.path} names no connection. Add "connection: <id>" with one of your connections (${names(input)}) so the check knows which of your Langfuse hosts to ask.`;
  const connection = input.connections.find(c => c.id === id);
  if (!connection) return `The access file names the connection "${id}", which is not one of your connections (user settings: ${names(input)}). Add a connection with that id, or name one of yours in ${access.path}.`;
  const allowed = input.allowedHosts.map(h => h.toLowerCase());
  if (allowed.length > 0 && !allowed.includes(hostLabel(connection.baseUrl).toLowerCase()) && !allowed.includes(safeHostname(connection.baseUrl))) {
    return `${hostLabel(connection.baseUrl)} is not in langfuseAccess.allowedHosts, so keys from workspace files are not sent to it.`;
  }
  return undefined;
}

function names(input: OnlineCheckInput): string {
  return input.connections.length ? input.connections.map(c => `"${c.id}"`).join(', ') : 'none configured yet';
}

function safeHostname(baseUrl: string): string {
  try { return new URL(baseUrl).hostname.toLowerCase(); } catch { return ''; }
}
