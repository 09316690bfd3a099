// Builds the extension, its lazily-required chunks, the CLI and the test bundles.
//   node esbuild.js --production   minified, no source maps (size targets apply to this build)
//   node esbuild.js --watch        development: source maps, rebuild on change, problem-matcher output
// CommonJS has no code splitting, so each heavy part is its own entry under dist/chunks/ and the
// extension requires it on first use (src/extension/lazy.ts); the chunks and the CLI share one copy of
// each module through dist/chunks/core.js (esbuild.chunks.js). Keep undici, yaml and the AWS SDK out
// of dist/extension.js: the activation benchmark measures its size.
const esbuild = require('esbuild');
const { chunkBuilds } = require('./esbuild.chunks');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Lazily-required chunks: name -> entry. Loaded by src/extension/lazy.ts as dist/chunks/<name>.js. */
const chunks = {
  core: 'src/core/chunks/core.ts',
  workspace: 'src/core/chunks/workspace.ts',
  audit: 'src/core/chunks/audit.ts',
  online: 'src/core/chunks/online.ts',
  sso: 'src/core/chunks/sso.ts',
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  mainFields: ['module', 'main'],
};

const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd(result => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * One __toESM() copy per external module instead of one per importing file. esbuild wraps every
 * `import * as vscode from 'vscode'` (26 files) and every `import * as fs from 'node:fs'` in its own
 * copy of the module's properties; a CPU profile of the activation benchmark (node --cpu-prof) put
 * those copies (__copyProps) at most of the extension's own load time. Here each external is
 * imported once, by a virtual module that re-exports it, and the importers share that namespace.
 */
const oneCopyOfExternals = {
  name: 'one-copy-of-externals',
  setup(build) {
    build.onResolve({ filter: /^(vscode|node:[a-z_/]+)$/ }, args => args.namespace === 'external-once'
      ? { path: args.path, external: true }
      : { path: args.path, namespace: 'external-once' });
    build.onLoad({ filter: /.*/, namespace: 'external-once' }, args => ({ contents: `export * from ${JSON.stringify(args.path)};`, loader: 'js' }));
  },
};

function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter(f => f.endsWith('.ts')).map(f => path.join(dir, f));
}

const baseBuilds = [
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [oneCopyOfExternals] },
  // The integration passes: the main suite and the Restricted Mode one (run-integration-tests.mjs --restricted).
  ...['suite', 'restricted'].map(pass => ({
    ...common,
    minify: false,
    sourcemap: true,
    entryPoints: testEntries(`test/integration/${pass}`),
    outdir: `out/test/integration/${pass}`,
    external: ['vscode', 'mocha'],
  })),
];

async function main() {
  fs.rmSync('dist', { recursive: true, force: true });
  // A test file moved or deleted must not keep running from an old build.
  fs.rmSync('out/test/integration', { recursive: true, force: true });
  const shared = await chunkBuilds(esbuild, common, chunks);
  const builds = [
    ...baseBuilds,
    ...shared.builds,
    { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, plugins: [shared.federate('chunks/')] },
  ];
  const active = builds.filter(b => b.stdin || Object.keys(b.entryPoints).length > 0 || Array.isArray(b.entryPoints) && b.entryPoints.length > 0);
  if (watch) {
    for (const b of active) {
      const ctx = await esbuild.context({ ...b, plugins: [...(b.plugins ?? []), problemMatcher] });
      await ctx.watch();
    }
    return;
  }
  await Promise.all(active.map(b => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
