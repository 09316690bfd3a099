import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * Heavy parts (the Langfuse client with undici, the session, yaml, the AWS SDK) are built as bundles in
 * dist/chunks/ and required on first use, so activation loads only dist/extension.js. createRequire
 * keeps esbuild from inlining them; the chunks share dist/chunks/core.js (see esbuild.js).
 */
export interface Chunks {
  core: typeof import('../core/chunks/core');
  workspace: typeof import('../core/chunks/workspace');
  audit: typeof import('../core/chunks/audit');
  online: typeof import('../core/chunks/online');
  sso: typeof import('../core/chunks/sso');
}

const load = createRequire(__filename);
const cache = new Map<keyof Chunks, unknown>();

export function loadChunk<K extends keyof Chunks>(name: K): Chunks[K] {
  let mod = cache.get(name) as Chunks[K] | undefined;
  if (!mod) {
    mod = load(path.join(__dirname, 'chunks', `${name}.js`)) as Chunks[K];
    cache.set(name, mod);
  }
  return mod;
}
