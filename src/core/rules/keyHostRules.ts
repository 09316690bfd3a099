// A Langfuse key next to a base URL that is not its connection's host: an SDK loading the file sends
// the key pair to that host (whichever base-URL variable the SDK in use reads: env/sdkBaseUrls.ts).
// Offline: the key's connection comes from the user's own settings (the key index built from the
// user's connections, or the connection the workspace access file names), never from the workspace.
import type { EnvDocument } from '../env/envParser';
import { foreignBaseUrls, readBy, urlHost } from '../env/sdkBaseUrls';
import type { CheckScope } from './context';
import type { Finding, Fix } from './finding';
import { finding } from './finding';
import type { KeyGroup } from './projectRules';
import { l10n } from '../l10n/l10n';

export function keyHostFindings(scope: CheckScope, doc: EnvDocument, groups: KeyGroup[]): Finding[] {
  const { input } = scope;
  const out: Finding[] = [];
  for (const group of groups) {
    const entry = group.publicKey ?? group.secretKey;
    if (!entry) continue;
    const pk = group.publicKey?.value.trim();
    const indexed = pk ? input.keyIndex?.lookup(pk) : undefined;
    const baseUrl = indexed?.connectionBaseUrl ?? input.connectionBaseUrl;
    const own = baseUrl ? urlHost(baseUrl) : undefined;
    if (!baseUrl || !own) continue;
    const foreign = foreignBaseUrls(doc, baseUrl).filter(s => s.isUrl);
    if (foreign.length === 0) continue;
    const connection = indexed?.connectionName ?? (indexed?.connectionBaseUrl ? undefined : input.access?.config?.connection);
    const target = baseUrl.replace(/\/+$/, '');
    const and = l10n.t(' and ');
    const hosts = [...new Set(foreign.map(s => s.host))].join(and);
    const what = pk ? pk : l10n.t('This secret key');
    const variables = foreign.map(s => `${s.variable} (${readBy(s.kind)})`).join(and);
    const owner = connection ? l10n.t('the connection "{0}" at {1}', connection, own) : own;
    const fixes: Fix[] = foreign.map(s => ({ kind: 'replaceText', title: l10n.t('Point {0} at {1}', s.variable, target), range: s.range, newText: target }));
    out.push(finding(input.filePath, 'key-foreign-host', entry.valueRange,
      foreign.length === 1
        ? l10n.t('{0} belongs to {1}, but {2} in this file points to {3}: an SDK loading this file sends the key pair there. Point it at {4}, or keep this key out of the file.', what, owner, variables, hosts, target)
        : l10n.t('{0} belongs to {1}, but {2} in this file point to {3}: an SDK loading this file sends the key pair there. Point them at {4}, or keep this key out of the file.', what, owner, variables, hosts, target),
      { fixes, ...(pk ? { publicKey: pk } : {}) }));
  }
  return out;
}
