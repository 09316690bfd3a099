// Hostile names and links (issue 19). A cloned repository chooses its file names and symbolic links, a
// server chooses project names and notes. Three kinds of figures:
//   1. seeded fuzzing of core/display with link syntax, control characters, bidi marks and icon syntax:
//      no notification text VS Code would render as a link, no control character for a terminal, no
//      Markdown markup left unescaped, no code block closable from inside, no unsafe .gitignore pattern;
//   2. seeded random symlink layouts (links to files outside, dangling links, folder links out of and
//      within the workspace, chains) against every writer into workspace files: writes that landed
//      outside the workspace (0), legitimate in-workspace links refused (0);
//   3. the CLI as a real process on a repository of hostile names: control characters in its output (0).
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { recordIgnoreEntry } from '../../../src/core/access/recordIgnoreEntry';
import { escapeMarkdown, forNotification, forTerminal, forTerminalText, markdownCodeBlock } from '../../../src/core/display';
import { UnsafeWriteError, writeFileInScope } from '../../../src/core/fs/scopedWrite';
import { addGitignorePattern, appendToGitignore, UnsafePatternError } from '../../../src/core/git/gitignoreWriter';
import { EnvFileSink } from '../../../src/core/secrets/env/envFileSink';
import { isSinkError } from '../../../src/core/secrets/errors';
import { bundleCli } from '../lib/bundle';
import { figure, runPart, seededRandom } from '../lib/figures';
import { fuzz, mutated, type FuzzTarget } from '../lib/fuzzHarness';

const PART = 'hostile-names';
/** VS Code 1.100's notification link syntax (src/vs/base/common/linkedText.ts). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

const SEEDS = [
  '[Open deploy checklist](command:workbench.action.terminal.sendSequence?{"text":"touch PWNED\\n"})',
  '.env.x;touch${IFS}PWNED', '.env.\u001b]0;owned\u0007\u001b[2J', 'acme\n2026-01-01T00:00:00Z  #9  senior-dev@acme.com (cli)  member.remove',
  '[a](https://evil.example "t") ![i](x) <img src=x onerror=1> $(zap) www.evil.example `code` | cell', 'evil\u202etxt.env', '```\n~~~\n````',
];
const UNITS = ['[', ']', '(', ')', ']\u0000(', 'command:', 'https://', 'file:', '$(', '\\', '`', '|', '<', '>', '*', '_', '!', '&', ':', '/', '.', 'www.', ' ', '"', "'", '\n', '\r', '\t', '\u001b', '\u0007', '\u009b', '\u202e', '\u2066', '\u200b', '\ufeff', 'a', 'Z', '0', '-'];
const hostileText = fc.oneof(
  { weight: 2, arbitrary: mutated(SEEDS) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
);

/** A bare Markdown markup character (one not consumed by a backslash escape) in `text`. */
function bareMarkup(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') { i++; continue; }
    if ('[]()<>`*_|!&~'.includes(text[i])) return `"${text[i]}" at ${i}`;
  }
  return /[^\\]:\/\//.test(text) ? 'an unescaped ://' : undefined;
}

const check = (ok: boolean, why: string) => { if (!ok) throw new Error(why); };

const targets: FuzzTarget<string>[] = [
  { name: 'notification text (forNotification)', arbitrary: hostileText, run: s => {
    const shown = forNotification(s, { roots: [{ path: '/ws' }] });
    check(!VSCODE_LINK.test(shown), `renders as a link: ${shown}`);
    check(!CONTROLS.test(shown), 'control character left');
    check(shown.length <= 600, 'longer than the cap');
    const modal = forNotification(s, { modal: true });
    check(!CONTROLS.test(modal.replace(/\n/g, '')), 'control character left in a dialog');
  } },
  { name: 'terminal text (forTerminal, forTerminalText)', arbitrary: hostileText, run: s => {
    check(!CONTROLS.test(forTerminal(s)), 'control character or line break in a value');
    check(!CONTROLS.test(forTerminalText(s).replace(/[\n\t]/g, '')), 'control character in a message');
  } },
  { name: 'markdown (escapeMarkdown, markdownCodeBlock)', arbitrary: hostileText, run: s => {
    const md = escapeMarkdown(s);
    const bare = bareMarkup(md);
    check(!bare, `markup left: ${bare}`);
    check(!CONTROLS.test(md), 'control character left');
    const block = markdownCodeBlock(s).split('\n');
    const fence = block[0].match(/^`+/)![0];
    check(block.slice(1, -2).every(line => !line.startsWith(fence)), 'the code block can be closed from inside');
  } },
  { name: '.gitignore pattern (addGitignorePattern)', arbitrary: hostileText, run: s => {
    let out: string;
    try { out = addGitignorePattern('node_modules/\n', `/${s}`); } catch (err) { check(err instanceof UnsafePatternError, `threw ${(err as Error).name}`); return; }
    const added = out.slice('node_modules/\n'.length).split('\n').filter(Boolean);
    check(added.length <= 1 && added.every(l => /^\/[\p{L}\p{N}._\-/+@%=,:~ ]*$/u.test(l)), `wrote ${JSON.stringify(added)}`);
  } },
];

/** Hash of every file under `dir` (links not followed): what "nothing outside changed" is measured against. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p, crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
      else if (e.isSymbolicLink()) out.set(p, `link:${fs.readlinkSync(p)}`);
    }
  };
  walk(dir);
  return out;
}

/** One random layout: a workspace whose target file is a link out, a dangling link, behind a folder link out, or an in-workspace link. */
async function symlinkRound(home: string, rnd: () => number, round: number): Promise<{ escaped: number; falseRefusals: number; writes: number }> {
  const root = path.join(home, `round-${round}`);
  const ws = path.join(root, 'ws');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(ws, '.langfuse'), { recursive: true });
  fs.mkdirSync(path.join(ws, 'inner'), { recursive: true });
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, '.bashrc'), 'alias ll="ls -l"\n');
  fs.writeFileSync(path.join(outside, 'access.yaml'), 'version: 1\nconnection: x\nenvironments: {}\n');
  fs.writeFileSync(path.join(ws, 'inner', 'real.env'), 'A=1\n');
  fs.writeFileSync(path.join(ws, 'inner', 'access.yaml'), 'version: 1\nconnection: x\nenvironments: {}\n');
  const layouts = ['file-out', 'dangling-out', 'folder-out', 'chain-out', 'inside', 'plain'] as const;
  const layout = layouts[Math.floor(rnd() * layouts.length)];
  const place = (name: string, inWs: string) => {
    const at = path.join(ws, name);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    if (layout === 'file-out') fs.symlinkSync(path.relative(path.dirname(at), path.join(outside, '.bashrc')), at);
    else if (layout === 'dangling-out') fs.symlinkSync(path.join(outside, `new-${name.replace(/\W/g, '')}`), at);
    else if (layout === 'chain-out') { fs.symlinkSync(path.join(outside, '.bashrc'), `${at}.hop`); fs.symlinkSync(path.basename(`${at}.hop`), at); }
    else if (layout === 'inside') fs.symlinkSync(path.relative(path.dirname(at), path.join(ws, inWs)), at);
    else if (layout === 'plain') fs.copyFileSync(path.join(ws, inWs), at);
    return at;
  };
  let target: { gitignore: string; env: string; access: string; plain: string };
  if (layout === 'folder-out') {
    fs.symlinkSync(outside, path.join(ws, 'linked'));
    target = { gitignore: path.join(ws, 'linked', '.bashrc'), env: path.join(ws, 'linked', '.bashrc'), access: path.join(ws, 'linked', 'access.yaml'), plain: path.join(ws, 'linked', 'x') };
  } else {
    target = { gitignore: place('.gitignore', 'inner/real.env'), env: place('.env', 'inner/real.env'), access: place('.langfuse/access.yaml', 'inner/access.yaml'), plain: place('plain.txt', 'inner/real.env') };
  }
  const before = snapshot(outside);
  const scope = { roots: [ws], label: 'the workspace' };
  let falseRefusals = 0;
  let writes = 0;
  const attempt = async (name: string, fn: () => unknown, refusalAllowed: boolean) => {
    writes++;
    try { await fn(); } catch (err) {
      const refused = err instanceof UnsafeWriteError || isSinkError(err);
      if (!refused) throw new Error(`${name} (${layout}) threw ${(err as Error).message}`);
      if (!refusalAllowed) falseRefusals++;
    }
  };
  // A link to a regular file inside the workspace may be refused by the writers that refuse any link (gitignore,
  // access file, plain writes) — but the .env sink follows links that stay inside, so refusing it would be a false refusal.
  await attempt('writeFileInScope', () => writeFileInScope(target.plain, 'x\n', scope), layout !== 'plain');
  await attempt('appendToGitignore', () => appendToGitignore(target.gitignore, '/.env.production', scope), layout !== 'plain');
  await attempt('recordIgnoreEntry', () => recordIgnoreEntry(target.access, { file: '.env', rule: 'rotation-overdue', reason: 'fuzz' }, { stateDir: path.join(root, 'state'), tool: 'fuzz', scope }), layout !== 'plain');
  await attempt('EnvFileSink.write', () => new EnvFileSink(target.env, { lockDir: path.join(root, 'locks'), scope }).write({ publicKey: 'pk-lf-fuzz', secretKey: 'sk-lf-fuzz-not-real', baseUrl: 'https://cloud.langfuse.com' }), layout !== 'plain' && layout !== 'inside');
  const after = snapshot(outside);
  const escaped = [...new Set([...before.keys(), ...after.keys()])].filter(k => before.get(k) !== after.get(k)).length;
  return { escaped, falseRefusals, writes };
}

runPart(PART, async ({ seed, long }) => {
  const count = long ? 100_000 : 3_000;
  for (const target of targets) {
    const o = fuzz(target, seed, count);
    process.stderr.write(`[hostile-names] ${o.name}: ${o.inputs} inputs, ${o.crashes} violations, ${o.slow} slow\n`);
    figure(PART, `${o.name}: violations (${o.inputs} inputs)`, o.crashes, { max: 0 }, o.samples[0]);
    figure(PART, `${o.name}: inputs slower than 40× the median and 50 ms, 3 times`, o.slow, { max: 0 }, o.samples[0]);
  }

  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rel-names-'));
  try {
    const rnd = seededRandom(seed);
    const rounds = long ? 600 : 60;
    let escaped = 0, falseRefusals = 0, writes = 0;
    for (let i = 0; i < rounds; i++) {
      const r = await symlinkRound(home, rnd, i);
      escaped += r.escaped; falseRefusals += r.falseRefusals; writes += r.writes;
    }
    figure(PART, `files outside the workspace changed by ${writes} writes through random symlink layouts`, escaped, { max: 0 });
    figure(PART, 'legitimate writes refused (regular files; .env links within the workspace)', falseRefusals, { max: 0 });

    const cli = await bundleCli(home);
    const repo = path.join(home, 'hostile-repo');
    fs.mkdirSync(repo);
    for (const name of SEEDS.filter(n => !n.includes('/') && !n.includes('\n')).map(n => `.env.${n.slice(0, 60)}`)) {
      fs.writeFileSync(path.join(repo, name), 'LANGFUSE_PUBLIC_KEY="pk-lf-c2000000-0000-4000-8000-000000000001\nLANGFUSE_HOST https://cloud.langfuse.com\n');
    }
    const outputs = ['text', 'json', 'sarif'].map(format => spawnSync(process.execPath, [cli, 'lint', '.', '--format', format], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: path.join(home, 'cfg'), XDG_STATE_HOME: path.join(home, 'state') } }));
    const found = outputs.flatMap((r, i) => [...`${r.stdout}${r.stderr}`.replace(/[\n\t]/g, '')].filter(ch => CONTROLS.test(ch)).map(ch => `${['text', 'json', 'sarif'][i]}: U+${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`));
    figure(PART, 'control characters in lint output (text, json, sarif) on hostile file names', found.length, { max: 0 }, found.slice(0, 6).join(', ') || undefined);
    figure(PART, 'lint runs on the hostile repository (exit 1: findings)', outputs.every(r => r.status === 1) ? 1 : 0, { min: 1 }, outputs.map(r => r.stderr.slice(0, 120)).join(' | '));
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
