// Asking Langfuse who the key pairs found in .env files are. Each pair goes only to the host of the
// user's own connection that covers its file (never to a host a workspace file names).
import { l10n } from '../l10n/l10n';
import { progressCounter, throwIfCancelled, type Work } from '../flow/work';
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

/**
 * Asks each host about the pairs of its files; answers by pair (see pairKey). With `signal` aborted
 * no further pair is sent and this rejects with CancelledError (no answers at all: never half a check).
 */
export async function verifyPairsOnline(
  byHost: ReadonlyMap<string, readonly string[]>,
  options: { workspaceTrusted: boolean; onUnavailable?: (publicKey: string, reason: string) => void } & Work,
): Promise<Map<string, WhoAmIResult>> {
  const { onUnavailable, signal } = options;
  const answers = new Map<string, WhoAmIResult>();
  const jobs = [...byHost].map(([url, files]) => ({ url, pairs: keyPairsInFiles(files, { workspaceTrusted: options.workspaceTrusted }) }));
  const step = progressCounter(jobs.reduce((n, j) => n + j.pairs.length, 0), options.onProgress, (done, total) => l10n.t('key pair {0} of {1}', Math.min(done + 1, total), total));
  for (const { url, pairs } of jobs) {
    const resolver = createWhoAmIResolver(url);
    for (const pair of pairs) {
      throwIfCancelled(signal);
      const answer = await resolver.whoAmI(pair, signal);
      throwIfCancelled(signal);
      if (answer.status === 'unavailable') onUnavailable?.(pair.publicKey, answer.reason);
      answers.set(pairKey(pair.publicKey, pair.secretKey), answer);
      step();
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
    problem: connection
      ? l10n.t('--online needs a connection: connection "{0}" (named in the access file) is not configured — add it to {1}, or set {2}. The host never comes from the workspace.', connection, describe.connectionsFile, envBaseUrl.name)
      : l10n.t('--online needs a connection: {0} has no access file naming a connection, or set {1}. The host never comes from the workspace.', describe.file(unplaced[0]), envBaseUrl.name),
  };
}
