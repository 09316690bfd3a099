// Builds the extension, its lazily-required chunks, the CLI and the test bundles.
//   node esbuild.js --production   minified, no source maps (size targets apply to this build)
//   node esbuild.js --watch        development: source maps, rebuild on change, problem-matcher output
// CommonJS has no code splitting, so each heavy part is its own entry under dist/chunks/ and the
// extension requires it on first use (src/extension/lazy.ts). Keep undici, yaml and the AWS SDK out
// of dist/extension.js: the activation benchmark measures its size.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Lazily-required chunks: name -> entry. Loaded by src/extension/lazy.ts as dist/chunks/<name>.js. */
const chunks = {
  langfuse: 'src/core/langfuse/index.ts',
  workspace: 'src/core/chunks/workspace.ts',
  rotation: 'src/core/chunks/rotation.ts',
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

function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter(f => f.endsWith('.ts')).map(f => path.join(dir, f));
}

const builds = [
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...common,
    entryPoints: Object.fromEntries(Object.entries(chunks).filter(([, e]) => fs.existsSync(e))),
    outdir: 'dist/chunks',
    external: ['vscode'],
  },
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
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
  const active = builds.filter(b => Object.keys(b.entryPoints).length > 0 || Array.isArray(b.entryPoints) && b.entryPoints.length > 0);
  if (watch) {
    for (const b of active) {
      const ctx = await esbuild.context({ ...b, plugins: [problemMatcher] });
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
