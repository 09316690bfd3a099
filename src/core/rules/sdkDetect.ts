// Which Langfuse SDK the code next to a .env file uses, from its manifests (docs/langfuse-behaviour.md §7): the answer
// decides whether LANGFUSE_HOST / LANGFUSE_BASEURL / LANGFUSE_BASE_URL is read at all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from '../zod';

/** js-v4: @langfuse/* packages; js-v3: the `langfuse`/`langfuse-node`/`langfuse-langchain` packages; python: `langfuse` on PyPI. */
export type SdkKind = 'js-v4' | 'js-v3' | 'python';

const JS_V4 = /^@langfuse\/(?:client|otel|tracing|core|openai|langchain|vercel)$/;
const JS_V3 = new Set(['langfuse', 'langfuse-node', 'langfuse-langchain', 'langfuse-vercel']);

const Deps = z.optional(z.record(z.string(), z.unknown()));
const PackageJson = z.looseObject({ dependencies: Deps, devDependencies: Deps, peerDependencies: Deps, optionalDependencies: Deps });

export interface Manifests {
  packageJson?: string;
  requirements?: string;
  pyproject?: string;
}

export function sdksFromManifests(m: Manifests): SdkKind[] {
  const found = new Set<SdkKind>();
  if (m.packageJson) {
    let json: unknown;
    try { json = JSON.parse(m.packageJson); } catch { json = undefined; } // a broken package.json says nothing
    const pkg = PackageJson.safeParse(json);
    if (pkg.success) {
      const d = pkg.data;
      for (const deps of [d.dependencies, d.devDependencies, d.peerDependencies, d.optionalDependencies]) {
        for (const name of Object.keys(deps ?? {})) {
          if (JS_V4.test(name)) found.add('js-v4');
          else if (JS_V3.has(name)) found.add('js-v3');
        }
      }
    }
  }
  const pythonDep = /^\s*["']?langfuse(?:\[[^\]]*\])?\s*(?:[<>=~!;"',\s]|$)/m;
  if ((m.requirements && pythonDep.test(m.requirements)) || (m.pyproject && /(^|["'\s])langfuse\s*(?:[<>=~!["',]|$)/m.test(m.pyproject))) found.add('python');
  return [...found].sort();
}

/** Reads the manifests of the nearest folder at or above `dir` that has any, stopping at `stopAt`. */
export function detectSdks(dir: string, stopAt?: string): SdkKind[] {
  let current = path.resolve(dir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const read = (name: string): string | undefined => {
      try { return fs.readFileSync(path.join(current, name), 'utf8'); } catch { return undefined; }
    };
    const m: Manifests = { packageJson: read('package.json'), requirements: read('requirements.txt'), pyproject: read('pyproject.toml') };
    if (m.packageJson !== undefined || m.requirements !== undefined || m.pyproject !== undefined) return sdksFromManifests(m);
    const parent = path.dirname(current);
    if (parent === current || current === stop) return [];
    current = parent;
  }
}
