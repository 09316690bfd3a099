// A test child that another user must be able to run (the read-only-folder tests run their writer as
// `nobody` when the suite runs as root): bundled with its dependencies into one file in a fresh
// world-readable temp folder, so it does not depend on where the checkout lies — under a 0700 home
// folder `nobody` could not reach tsx, node_modules or the sources.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface AnyUserBundle {
  /** Run as `node <file> …`. */
  readonly file: string;
  remove(): void;
}

export async function bundleForAnyUser(entry: string): Promise<AnyUserBundle> {
  const esbuild = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-child-'));
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, `${path.basename(entry, '.ts')}.cjs`);
  await esbuild.build({ entryPoints: [entry], outfile: file, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  fs.chmodSync(file, 0o644);
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
