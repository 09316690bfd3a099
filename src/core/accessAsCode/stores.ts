// A declared store as a rotation target, for the edge that applies it. The declaration comes from a
// repository, so it is untrusted: an `env:` store must lie inside the workspace and pass the
// foreign-host check, `secretstorage` is a slot the tool chooses (a repository must not be able to
// name, say, the key of a connection), and SecretStorage exists only in VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SecretKeys } from '../names';
import { formatSinkTarget, parseSinkTarget } from '../secrets/spec';
import { storeSyntaxProblem } from './declarationChecks';
import { foreignHostProblem } from './foreignHost';

export interface StoreContext {
  /** The folder holding `.langfuse/`: `env:` paths are relative to it. */
  rootDir: string;
  /** The workspace folders (the CLI: the repository folder); an `env:` store must be inside one of them. */
  workspaceRoots: readonly string[];
  connectionBaseUrl: string;
  /** Whether this edge can write VS Code's SecretStorage. */
  secretStorage: boolean;
}

export type ResolvedStore = { target: string } | { problem: string };

export function resolveStore(store: string, key: { project: string; note: string }, ctx: StoreContext): ResolvedStore {
  if (store === 'secretstorage') {
    if (!ctx.secretStorage) return { problem: 'secretstorage is VS Code\'s SecretStorage, which only the extension can write: apply this change from VS Code, or declare another store.' };
    return { target: `secretstorage:${SecretKeys.declaredKey(key.project, key.note)}` };
  }
  if (store.startsWith('secretstorage:')) return { problem: `${store}: name the store just "secretstorage"; the tool chooses the SecretStorage entry, so a repository cannot name (and overwrite) another one.` };
  const syntax = storeSyntaxProblem(store, ctx.rootDir);
  if (syntax) return { problem: syntax };
  let target;
  try { target = parseSinkTarget(store, ctx.rootDir); } catch (err) { return { problem: (err as Error).message }; }
  if (target.kind === 'access') {
    const outside = outsideWorkspace(target.path, ctx.workspaceRoots);
    if (outside) return { problem: `${store}: ${outside}` };
  }
  if (target.kind === 'env') {
    const outside = outsideWorkspace(target.path, ctx.workspaceRoots);
    if (outside) return { problem: `${store}: ${outside}` };
    if (!fs.existsSync(path.dirname(target.path))) return { problem: `${store}: the folder ${path.dirname(target.path)} does not exist; create it (the tool does not create folders a repository names).` };
    const foreign = foreignHostProblem(target.path, ctx.connectionBaseUrl);
    if (foreign) return { problem: foreign };
  }
  return { target: formatSinkTarget(target) };
}

/** Every store of a key, or the first problem. */
export function resolveStores(stores: readonly string[], key: { project: string; note: string }, ctx: StoreContext): { targets: string[] } | { problem: string } {
  if (stores.length === 0) return { problem: `Key "${key.note}" of ${key.project} declares no store, so its new secret would go nowhere: declare at least one (env:PATH, aws-sm:…, pass:…, vault:…, secretstorage).` };
  const targets: string[] = [];
  for (const s of stores) {
    const r = resolveStore(s, key, ctx);
    if ('problem' in r) return r;
    targets.push(r.target);
  }
  return { targets };
}

function outsideWorkspace(file: string, roots: readonly string[]): string | undefined {
  const inside = (root: string, p: string) => { const rel = path.relative(root, p); return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel); };
  if (!roots.some(r => inside(path.resolve(r), file))) return 'the file lies outside the workspace: refused.';
  let real: string;
  try { real = fs.realpathSync(file); } catch {
    try { real = path.join(fs.realpathSync(path.dirname(file)), path.basename(file)); } catch { return undefined; }
  }
  const realRoots = roots.flatMap(r => { try { return [fs.realpathSync(r)]; } catch { return []; } });
  return realRoots.some(r => inside(r, real)) ? undefined : `it leads outside the workspace once symbolic links are followed (${real}): refused.`;
}
