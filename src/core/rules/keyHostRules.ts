// A Langfuse key next to a base URL that is not its connection's host: an SDK loading the file sends
// the key pair to that host (whichever base-URL variable the SDK in use reads: env/sdkBaseUrls.ts).
// Offline: the key's connection comes from the user's own settings (the key index built from the
// user's connections, or the connection the workspace access file names), never from the workspace.
import type { EnvDocument } from '../env/envParser';
import { foreignBaseUrls, READ_BY, urlHost } from '../env/sdkBaseUrls';
import type { CheckScope } from './context';
import type { Finding, Fix } from './finding';
import { finding } from './finding';
import type { KeyGroup } from './projectRules';

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
    const hosts = [...new Set(foreign.map(s => s.host))].join(' and ');
    const what = pk ? pk : 'This secret key';
    const fixes: Fix[] = foreign.map(s => ({ kind: 'replaceText', title: `Point ${s.variable} at ${target}`, range: s.range, newText: target }));
    out.push(finding(input.filePath, 'key-foreign-host', entry.valueRange,
      `${what} belongs to ${connection ? `the connection "${connection}" at ` : ''}${own}, but ${foreign.map(s => `${s.variable} (${READ_BY[s.kind]})`).join(' and ')} in this file point${foreign.length === 1 ? 's' : ''} to ${hosts}: `
      + `an SDK loading this file sends the key pair there. Point ${foreign.length === 1 ? 'it' : 'them'} at ${target}, or keep this key out of the file.`,
      { fixes, ...(pk ? { publicKey: pk } : {}) }));
  }
  return out;
}
