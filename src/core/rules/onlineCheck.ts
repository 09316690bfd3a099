// Asking Langfuse who the key pairs found in .env files are. Each pair goes only to the host of the
// user's own connection that covers its file (never to a host a workspace file names).
import { createWhoAmIResolver } from './whoAmIResolver';
import { pairKey, type WhoAmIResult } from './keyIndex';
import { keyPairsInFiles } from './lintWorkspace';

/** The files grouped by the base URL that may be asked about them; `hostFor` undefined = no host allowed (the caller says why). */
export function groupByHost(files: readonly string[], hostFor: (file: string) => string | undefined): { byHost: Map<string, string[]>; unplaced: string[] } {
  const byHost = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const file of files) {
    const url = hostFor(file);
    if (url) byHost.set(url, [...(byHost.get(url) ?? []), file]);
    else unplaced.push(file);
  }
  return { byHost, unplaced };
}

/** Asks each host about the pairs of its files; answers by pair (see pairKey). */
export async function verifyPairsOnline(
  byHost: ReadonlyMap<string, readonly string[]>,
  options: { workspaceTrusted: boolean; onUnavailable?: (publicKey: string, reason: string) => void },
): Promise<Map<string, WhoAmIResult>> {
  const { onUnavailable } = options;
  const answers = new Map<string, WhoAmIResult>();
  for (const [url, files] of byHost) {
    const resolver = createWhoAmIResolver(url);
    for (const pair of keyPairsInFiles(files, { workspaceTrusted: options.workspaceTrusted })) {
      const answer = await resolver.whoAmI(pair);
      if (answer.status === 'unavailable') onUnavailable?.(pair.publicKey, answer.reason);
      answers.set(pairKey(pair.publicKey, pair.secretKey), answer);
    }
  }
  return answers;
}

/**
 * The CLI's `lint --online` hosts: each file's connection is the one its access file names, looked up
 * in the CLI's own connections (never a host from the workspace), else the environment's base URL.
 * A file without a usable host stops the check, with what to configure.
 */
export function cliOnlineHosts(files: readonly string[], connectionOf: (file: string) => string | undefined, urlOf: (connection: string) => string | undefined,
  envBaseUrl: { name: string; value: string | undefined }, describe: { file: (file: string) => string; connectionsFile: string }): { byHost: Map<string, string[]> } | { problem: string } {
  const { byHost, unplaced } = groupByHost(files, file => {
    const connection = connectionOf(file);
    return connection ? urlOf(connection) : envBaseUrl.value;
  });
  if (unplaced.length === 0) return { byHost };
  const connection = connectionOf(unplaced[0]);
  return {
    problem: `--online needs a connection: ${connection ? `connection "${connection}" (named in the access file) is not configured — add it to ${describe.connectionsFile}` : `${describe.file(unplaced[0])} has no access file naming a connection`}, or set ${envBaseUrl.name}. The host never comes from the workspace.`,
  };
}
