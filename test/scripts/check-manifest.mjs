// `npm run lint` (and test/unit/package/manifest.test.ts): the extension manifest is ready for the
// Marketplace and for translators.
// - Every string VS Code shows from package.json is a %key% that package.nls.json defines, and every
//   key there is used (a translator translates package.nls.json, never package.json).
// - Every setting, nested ones included, has a description.
// - No activation event that VS Code generates itself (onView:, onCommand: of contributed ids); the
//   workspaceContains globs activate on a repository with only compose or Helm files.
// - The icon is a PNG of at least 128×128; the repository is a real https URL; extensionKind is declared.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const LOCALISED = /^%[A-Za-z0-9_.-]+%$/;
/** Keys of a setting's schema that VS Code shows to the user. */
const SETTING_TEXT = ['description', 'markdownDescription', 'patternErrorMessage', 'deprecationMessage', 'markdownDeprecationMessage', 'enumItemLabels', 'enumDescriptions', 'markdownEnumDescriptions'];
/** Files whose presence must activate the extension (deployment diagnostics), and one that must not. */
export const ACTIVATES_ON = ['docker-compose.yml', 'deploy/docker-compose.prod.yaml', 'compose.yaml', 'charts/langfuse/values.yaml', 'values-production.yml', '.env.production', '.langfuse/access.yaml'];

/** Each user-visible string: [where, value]. */
function visibleStrings(pkg) {
  const out = [];
  const add = (where, value) => { if (value !== undefined) out.push([where, value]); };
  add('displayName', pkg.displayName);
  add('description', pkg.description);
  const caps = pkg.capabilities ?? {};
  for (const [k, v] of Object.entries(caps)) if (v && typeof v === 'object') add(`capabilities.${k}.description`, v.description);
  const c = pkg.contributes ?? {};
  for (const [i, cmd] of (c.commands ?? []).entries()) for (const k of ['title', 'shortTitle', 'category']) add(`commands[${i}].${k} (${cmd.command})`, cmd[k]);
  for (const [group, list] of Object.entries(c.viewsContainers ?? {})) for (const [i, v] of list.entries()) add(`viewsContainers.${group}[${i}].title`, v.title);
  for (const [group, list] of Object.entries(c.views ?? {})) for (const [i, v] of list.entries()) for (const k of ['name', 'contextualTitle']) add(`views.${group}[${i}].${k}`, v[k]);
  for (const [i, w] of (c.viewsWelcome ?? []).entries()) add(`viewsWelcome[${i}].contents`, w.contents);
  for (const [i, s] of (c.submenus ?? []).entries()) add(`submenus[${i}].label`, s.label);
  for (const [i, w] of (c.walkthroughs ?? []).entries()) {
    add(`walkthroughs[${i}].title`, w.title);
    add(`walkthroughs[${i}].description`, w.description);
    for (const [j, s] of (w.steps ?? []).entries()) for (const k of ['title', 'description', 'altText']) add(`walkthroughs[${i}].steps[${j}].${k}`, s[k]);
  }
  for (const [i, conf] of [c.configuration ?? []].flat().entries()) {
    add(`configuration[${i}].title`, conf.title);
    const walk = (where, schema) => {
      for (const k of SETTING_TEXT) {
        const v = schema[k];
        if (Array.isArray(v)) v.forEach((x, j) => add(`${where}.${k}[${j}]`, x)); else add(`${where}.${k}`, v);
      }
      for (const [name, child] of Object.entries(schema.properties ?? {})) walk(`${where}.${name}`, child);
      if (schema.items && typeof schema.items === 'object') walk(`${where}.items`, schema.items);
    };
    for (const [name, schema] of Object.entries(conf.properties ?? {})) walk(name, schema);
  }
  return out;
}

/** Settings (nested ones included) without a description: [where]. */
function undescribed(pkg) {
  const out = [];
  const walk = (where, schema) => {
    if (!schema.description && !schema.markdownDescription) out.push(where);
    for (const [name, child] of Object.entries(schema.properties ?? {})) walk(`${where}.${name}`, child);
    if (schema.items?.properties) for (const [name, child] of Object.entries(schema.items.properties)) walk(`${where}[].${name}`, child);
  };
  for (const conf of [pkg.contributes?.configuration ?? []].flat()) for (const [name, schema] of Object.entries(conf.properties ?? {})) walk(name, schema);
  return out;
}

function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG' || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export function manifestProblems(pkg, nls, dir = root) {
  const problems = [];
  const used = new Set();
  for (const [where, value] of visibleStrings(pkg)) {
    if (typeof value !== 'string' || !LOCALISED.test(value)) { problems.push(`${where} is not localised: write "%key%" and put the text in package.nls.json`); continue; }
    const key = value.slice(1, -1);
    used.add(key);
    if (!(key in nls)) problems.push(`${where} uses %${key}% but package.nls.json lacks it`);
  }
  for (const key of Object.keys(nls)) if (!used.has(key)) problems.push(`package.nls.json key "${key}" is not used by package.json`);
  for (const where of undescribed(pkg)) problems.push(`setting ${where} has no description`);

  const events = pkg.activationEvents ?? [];
  const ids = new Set([...(pkg.contributes?.commands ?? []).map(c => `onCommand:${c.command}`), ...Object.values(pkg.contributes?.views ?? {}).flat().map(v => `onView:${v.id}`)]);
  for (const e of events) if (ids.has(e)) problems.push(`activation event ${e} is redundant: VS Code generates it for contributed views and commands`);
  const globs = events.filter(e => e.startsWith('workspaceContains:')).map(e => e.slice('workspaceContains:'.length));
  for (const file of ACTIVATES_ON) if (!globs.some(g => minimatch(file, g, { dot: true }))) problems.push(`no workspaceContains activation event matches ${file}`);

  const icon = pkg.icon ? path.join(dir, pkg.icon) : undefined;
  const size = icon && fs.existsSync(icon) ? pngSize(icon) : undefined;
  if (!size) problems.push(`icon must name a PNG file (got ${pkg.icon ?? 'none'})`);
  else if (size.width < 128 || size.height < 128) problems.push(`icon ${pkg.icon} is ${size.width}×${size.height}; the Marketplace needs at least 128×128`);
  if (!pkg.galleryBanner?.color) problems.push('galleryBanner.color is missing');
  if (!/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+(\.git)?$/.test(pkg.repository?.url ?? '')) problems.push(`repository.url must be the project's https URL (got ${pkg.repository?.url ?? 'none'})`);
  if (!Array.isArray(pkg.extensionKind) || pkg.extensionKind.length === 0) problems.push('extensionKind is not declared');
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  const problems = manifestProblems(pkg, nls);
  if (problems.length) {
    console.error(problems.map(p => `check-manifest: ${p}`).join('\n'));
    process.exit(1);
  }
  console.log(`check-manifest: ${visibleStrings(pkg).length} manifest strings localised, every setting described, icon and activation in order`);
}
