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

/** The CLI (src/cli/main.ts) as one CommonJS file, run as `node <file> <command> …`. */
export async function bundleCli(outDir: string): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = path.join(outDir, 'langfuse-access.cjs');
  await esbuild.build({
    entryPoints: [path.join(__dirname, '..', '..', '..', 'src', 'cli', 'main.ts')],
    outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['@aws-sdk/*', 'vscode'], logLevel: 'error',
  });
  return outfile;
}
