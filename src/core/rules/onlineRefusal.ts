// Kept apart from onlineCheck.ts (which loads the Langfuse client) so the extension's activation
// bundle can ask it without carrying the client.
/**
 * Why key pairs found in workspace files may not be sent now, or undefined when they may: only in a
 * trusted workspace, only to the user's own connection named by the access file, and only to
 * allow-listed hosts when the user keeps a list.
 */
export function onlineRefusal(input: { trusted: boolean; connectionId: string | undefined; connection: { baseUrl: string } | undefined; allowedHosts: readonly string[] }): string | undefined {
  if (!input.trusted) return 'This workspace is in Restricted Mode: keys found in its files are never sent anywhere. Trust the workspace to verify them online.';
  if (!input.connectionId) return 'Name a connection in .langfuse/access.yaml ("connection: <id>") so the check knows which of your Langfuse hosts to ask.';
  if (!input.connection) return `The access file names the connection "${input.connectionId}", which is not one of your connections (user settings).`;
  const allowed = input.allowedHosts.map(h => h.toLowerCase());
  const url = new URL(input.connection.baseUrl);
  if (allowed.length > 0 && !allowed.includes(url.host.toLowerCase()) && !allowed.includes(url.hostname.toLowerCase())) {
    return `${url.host} is not in langfuseAccess.allowedHosts, so keys from workspace files are not sent to it.`;
  }
  return undefined;
}
