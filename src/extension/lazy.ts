import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * Heavy parts (the Langfuse client with undici, yaml, the AWS SDK) are built as their own bundles in
 * dist/chunks/ and required on first use, so activation loads only dist/extension.js. createRequire
 * keeps esbuild from inlining them.
 */
export interface Chunks {
  langfuse: typeof import('../core/langfuse/index');
  workspace: typeof import('../core/chunks/workspace');
  rotation: typeof import('../core/chunks/rotation');
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
