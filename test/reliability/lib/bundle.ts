// Child processes the crash tests kill many times start from one esbuild bundle (≈ 60 ms) instead of
// tsx (≈ 700 ms), so 50–200 kill runs fit the suite's time budget.
import * as path from 'node:path';

export async function bundleChild(name: string, outDir: string): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = path.join(outDir, `${name}.cjs`);
  await esbuild.build({
    entryPoints: [path.join(__dirname, '..', 'children', `${name}.ts`)],
    outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error',
  });
  return outfile;
}
