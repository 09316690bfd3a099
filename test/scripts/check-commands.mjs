// Fails when a command contributed in package.json is not registered in src/ (or the reverse:
// a registered langfuseAccess.* command id that is not contributed), and when a menu or welcome
// view names a command that does not exist.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributed = new Set((pkg.contributes.commands ?? []).map(c => c.command));
let src = '';
const walk = dir => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.ts$/.test(e.name)) src += fs.readFileSync(p, 'utf8') + '\n';
  }
};
walk(path.join(root, 'src'));
const names = fs.readFileSync(path.join(root, 'src/core/names.ts'), 'utf8');
const declared = new Set([...names.matchAll(/'(langfuseAccess\.[A-Za-z.]+)'/g)].map(m => m[1]).filter(id => /^langfuseAccess\.[a-z][A-Za-z]+$/.test(id)));
const problems = [];
for (const id of contributed) if (!src.includes(`'${id}'`)) problems.push(`contributed but never named in src/: ${id}`);
const commandsTs = fs.readFileSync(path.join(root, 'src/extension/commands.ts'), 'utf8');
const commandsBlock = /export const Commands = \{([\s\S]*?)\} as const/.exec(names)?.[1] ?? '';
for (const m of commandsBlock.matchAll(/(\w+): '(langfuseAccess\.[^']+)'/g)) {
  const [, key, id] = m;
  if (!contributed.has(id)) problems.push(`Commands.${key} (${id}) is not contributed in package.json`);
  if (!commandsTs.includes(`Commands.${key}]`) && !src.includes(`registerCommand(Commands.${key}`)) problems.push(`Commands.${key} (${id}) is not registered in src/extension/commands.ts`);
}
const menus = Object.values(pkg.contributes.menus ?? {}).flat();
for (const m of menus) if (m.command && !contributed.has(m.command)) problems.push(`menu names an unknown command: ${m.command}`);
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const welcome = JSON.stringify(pkg.contributes.viewsWelcome ?? []) + JSON.stringify(nls);
for (const m of welcome.matchAll(/command:(langfuseAccess\.[A-Za-z.]+)/g)) if (!contributed.has(m[1])) problems.push(`a welcome/walkthrough link names an unknown command: ${m[1]}`);
for (const m of JSON.stringify(pkg).matchAll(/%([^%"\s]+)%/g)) if (!(m[1] in nls)) problems.push(`package.json uses %${m[1]}% but package.nls.json lacks it`);
void declared;
if (problems.length) {
  console.error(problems.map(p => `check-commands: ${p}`).join('\n'));
  process.exit(1);
}
console.log(`check-commands: ${contributed.size} contributed commands, all registered`);
