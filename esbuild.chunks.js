// Chunk sharing for CommonJS bundles (esbuild splits code only for ESM output).
//
// Every module of src/ and every npm package is OWNED by exactly one chunk of dist/chunks/. A chunk
// bundles what it owns and exports it by path in `__federated`; every other bundle (the other chunks,
// dist/cli.js) gets, in place of a module owned elsewhere, one line:
//   module.exports = require("./core.js").__federated.modules["src/core/langfuse/client.ts"]
// so a process holds one copy of each module: one undici, one zod, one Langfuse client with one gate
// per host, one set of error classes (instanceof works across chunks).
//
// Ownership: `core` owns everything its entry reaches; any other module reached from two chunks is
// promoted into core (repeated until stable); the AWS SDK is its own chunk, loaded for aws-sm only.
// dist/extension.js (the activation path) is not federated: it must not require core.js at load, so
// it bundles the few small pure modules it imports (names, roles, redact, zod schemas of settings).
//
// Measured (node esbuild.js --production, this 2-core machine): dist/ 4.5 MB → 1.6 MB; the CLI 1.3 MB
// → 0.1 MB plus the chunks it loads on demand.
const path = require('node:path');

const root = __dirname;
const SHARED = 'core';
const AWS_PACKAGE = '@aws-sdk/client-secrets-manager';

const packageOf = file => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
const isBare = spec => !spec.startsWith('.') && !path.isAbsolute(spec) && !spec.startsWith('node:');
const isOurs = file => file && !file.includes('node_modules') && path.relative(root, file).startsWith('src');

/** Leaves modules owned by other chunks out of a pass, so its closure stops at them. */
function stopAt(isForeign) {
  return {
    name: 'stop-at-owned',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async args => {
        if (args.kind === 'entry-point' || args.pluginData?.inner || !isOurs(args.importer)) return undefined;
        if (isBare(args.path)) return isForeign({ pkg: packageOf(`node_modules/${args.path}`) }) ? { path: args.path, external: true } : undefined;
        const r = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { inner: true } });
        return !r.external && isForeign({ file: path.relative(root, r.path) }) ? { path: r.path, external: true } : undefined;
      });
    },
  };
}

/** The src files and packages one entry reaches (stopping at foreign ones), and the bare specifiers src files use. */
async function reach(esbuild, common, entries, isForeign) {
  const result = await esbuild.build({
    ...common, entryPoints: entries, write: false, metafile: true, outdir: path.join(root, 'out', 'chunk-plan'),
    minify: false, sourcemap: false, external: [...(common.external ?? []), 'vscode'], plugins: [stopAt(isForeign)],
  });
  const files = new Set();
  const packages = new Set();
  const specifiers = new Map();
  const importers = new Map();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    const pkg = packageOf(file);
    if (pkg) { packages.add(pkg); continue; }
    if (!file.startsWith('src/')) continue;
    files.add(file);
    for (const imp of input.imports) {
      const spec = imp.original ?? imp.path;
      if (!isBare(spec) || imp.path.startsWith('node:')) continue;
      const owner = packageOf(`node_modules/${spec}`);
      specifiers.set(spec, owner);
      importers.set(owner, new Set([...(importers.get(owner) ?? []), file]));
    }
  }
  return { files, packages, specifiers, importers };
}

/** Decides who owns what. `chunks`: name → entry file, `core` first. */
async function planChunks(esbuild, common, chunks) {
  const promoted = new Set();
  for (;;) {
    const awsForeign = ({ pkg }) => pkg === AWS_PACKAGE;
    const core = await reach(esbuild, common, [chunks[SHARED], ...promoted], awsForeign);
    const inCore = ({ file, pkg }) => (file ? core.files.has(file) : core.packages.has(pkg) || pkg === AWS_PACKAGE);
    const others = {};
    for (const [name, entry] of Object.entries(chunks)) if (name !== SHARED) others[name] = await reach(esbuild, common, [entry], inCore);
    const seen = new Map();
    for (const [name, r] of Object.entries(others)) for (const f of r.files) seen.set(f, [...(seen.get(f) ?? []), name]);
    const pkgSeen = new Map();
    for (const [name, r] of Object.entries(others)) for (const p of r.importers.keys()) pkgSeen.set(p, [...(pkgSeen.get(p) ?? []), name]);
    const shared = [...seen].filter(([, names]) => names.length > 1).map(([f]) => f);
    // A package that core has too, or that two chunks import: the src files importing it move into core.
    const sharedPkgs = new Set([...pkgSeen].filter(([p, names]) => p !== AWS_PACKAGE && (names.length > 1 || core.packages.has(p))).map(([p]) => p));
    for (const r of Object.values(others)) for (const pkg of sharedPkgs) shared.push(...(r.importers.get(pkg) ?? []));
    const fresh = shared.filter(f => !promoted.has(f));
    if (fresh.length === 0) return ownership(core, others);
    for (const f of fresh) promoted.add(f);
  }
}

function ownership(core, others) {
  const modules = new Map();
  const packages = new Map([[AWS_PACKAGE, 'aws']]);
  const own = (name, r) => {
    for (const f of r.files) if (!modules.has(f)) modules.set(f, name);
    for (const p of r.packages) if (!packages.has(p)) packages.set(p, name);
  };
  own(SHARED, core);
  for (const [name, r] of Object.entries(others)) own(name, r);
  // Packages are shared by namespace only where a module of another chunk imports them directly
  // (the AWS SDK); everything else reaches a package through the modules of its owner chunk.
  const specifiers = new Map();
  for (const [name, r] of [[SHARED, core], ...Object.entries(others)]) {
    for (const [spec, pkg] of r.specifiers) if (packages.get(pkg) !== name) specifiers.set(spec, pkg);
  }
  return { modules, packages, specifiers };
}

/** The entry a chunk is built from: its public API plus every module and package it owns, by name. */
function federatedEntry(name, entry, plan) {
  const lines = entry ? [`export * from ${JSON.stringify(path.join(root, entry))};`] : [];
  const modules = [...plan.modules].filter(([, o]) => o === name).map(([f]) => f);
  const specs = [...plan.specifiers].filter(([, pkg]) => plan.packages.get(pkg) === name).map(([s]) => s);
  modules.forEach((f, i) => lines.push(`import * as m${i} from ${JSON.stringify(path.join(root, f))};`));
  specs.forEach((s, i) => lines.push(`import * as p${i} from ${JSON.stringify(s)};`));
  lines.push(`export const __federated = { modules: { ${modules.map((f, i) => `${JSON.stringify(f)}: m${i}`).join(', ')} }, packages: { ${specs.map((s, i) => `${JSON.stringify(s)}: p${i}`).join(', ')} } };`);
  return lines.join('\n');
}

/** Replaces every module or package owned by another chunk with a require of that chunk. */
function federate(plan, self, chunkDir) {
  return {
    name: 'federate',
    setup(build) {
      const load = (owner, kind, key) => ({ path: `${owner}:${key}`, namespace: 'federated', pluginData: { owner, kind, key } });
      build.onResolve({ filter: /.*/ }, async args => {
        if (args.namespace === 'federated') return { path: args.path, external: true };
        if (args.kind === 'entry-point' || args.pluginData?.inner || !isOurs(args.importer)) return undefined;
        if (isBare(args.path)) {
          const pkg = packageOf(`node_modules/${args.path}`);
          const owner = plan.packages.get(pkg);
          if (!owner || owner === self) return undefined;
          if (plan.specifiers.has(args.path)) return load(owner, 'packages', args.path);
          return { warnings: [{ text: `${path.relative(root, args.importer)} imports ${args.path} directly, so this bundle carries its own copy: import it through the module of src/core that wraps it (src/core/zod.ts, src/core/yaml.ts).` }] };
        }
        const r = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { inner: true } });
        if (r.external || r.errors.length) return undefined;
        const file = path.relative(root, r.path);
        const owner = plan.modules.get(file);
        return owner && owner !== self ? load(owner, 'modules', file) : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'federated' }, args => {
        const { owner, kind, key } = args.pluginData;
        return { contents: `module.exports = require(${JSON.stringify(`./${chunkDir}${owner}.js`)}).__federated.${kind}[${JSON.stringify(key)}];`, loader: 'js' };
      });
    },
  };
}

/** Build options for every chunk of `chunks` plus the AWS chunk, and the federating plugin for other bundles. */
async function chunkBuilds(esbuild, common, chunks) {
  const plan = await planChunks(esbuild, common, chunks);
  const builds = [...Object.keys(chunks), 'aws'].map(name => ({
    ...common,
    stdin: { contents: federatedEntry(name, chunks[name], plan), resolveDir: root, sourcefile: `chunk-${name}.js`, loader: 'js' },
    outfile: path.join('dist', 'chunks', `${name}.js`),
    external: ['vscode'],
    plugins: [federate(plan, name, '')],
  }));
  return { builds, plan, federate: chunkDir => federate(plan, undefined, chunkDir) };
}

module.exports = { chunkBuilds };
