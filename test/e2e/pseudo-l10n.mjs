// Issue 20 item 6: a translator adds a language without touching code. A copy of the built extension
// gets a pseudo-localised bundle generated from the real ones (test/scripts/pseudo-l10n.mjs), and a
// window whose display language is that locale shows the Access view, a member action's confirmation
// dialog, the rotation wizard and a .env diagnostic; VS Code itself finds media/l10n/bundle.l10n.<locale>.json and package.nls.<locale>.json.
// Every ASCII word left in our parts of the screen must be data of the sandbox world (names, emails,
// keys, identifiers): anything else is English that did not go through the bundle.
import fs from 'node:fs';
import path from 'node:path';
import { workbenchUrl, extRoot } from '../scripts/vscode-host.mjs';
import { PSEUDO_LOCALE, accent, pseudo, pseudoLocalisedExtension } from '../scripts/pseudo-l10n.mjs';
import { openSetProjectRoleDialog, openViewContainer, treeRow, waitForStableColours } from './workbench.mjs';
import { widenSidebar } from './cases.mjs';

/** The source of the extension's diagnostics (the product's name, not translated). */
const DIAGNOSTIC_SOURCE = 'Langfuse Access';

/** Names, emails, notes and ids of the sandbox world, the connection name, and identifier-like tokens. */
function dataTokens() {
  const world = fs.readFileSync(path.join(extRoot, 'src', 'sandbox', 'worlds', 'acme.ts'), 'utf8');
  const values = [...world.matchAll(/\b(?:id|name|email|note):\s*"?([^,}"\n]+)"?/g)].map(m => m[1].trim());
  return [...new Set([...values, 'Local sandbox'])].sort((a, b) => b.length - a.length);
}

const DATA_PATTERNS = [
  /\b[ps]k-lf-[\w.…-]*/g, // keys (masked or not)
  /[\w.+-]+@[\w.-]+/g, // emails
  /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z)?\b/g, // dates
  /\bhttps?:\/\/[^\s)]+/g, /\b127\.0\.0\.1(?::\d+)?/g, /\blocalhost(?::\d+)?/g,
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, // LANGFUSE_PUBLIC_KEY
  /\b(?:OWNER|ADMIN|MEMBER|VIEWER|NONE)\b/g, // Langfuse's role names
  /\b[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)+\b/g, // audit action ids (connection.add, apiKey.create)
  /(?:^|\s)\/[\w./-]+/g, // absolute paths (an audit entry's resource)
];

/** The ASCII words of `text` that are neither pseudo-localised nor data. */
export function unwrappedWords(text, extraData = []) {
  let rest = text;
  for (const token of [...extraData, ...dataTokens()].sort((a, b) => b.length - a.length)) rest = rest.split(token).join(' ');
  for (const pattern of DATA_PATTERNS) rest = rest.replace(pattern, ' ');
  return [...new Set(rest.match(/[A-Za-z]+/g) ?? [])];
}

function assertLocalised(where, text, extraData) {
  const words = unwrappedWords(text, extraData);
  if (words.length) throw new Error(`unlocalised English in ${where}: ${words.join(', ')}\n--- visible text ---\n${text.slice(0, 1500)}`);
  if (!/\[[^\]]+\]/.test(text)) throw new Error(`${where} shows no pseudo-localised text at all:\n${text.slice(0, 500)}`);
}

/** Expands the last row labelled `english` (pseudo-localised): the one of the last expanded parent. */
async function expandRow(sidebar, label) {
  const row = treeRow(sidebar, label);
  await row.waitFor();
  // A click on an unfocused view may only focus the row: click again until it is open.
  for (let attempt = 0; attempt < 3 && await row.getAttribute('aria-expanded') === 'false'; attempt++) {
    await row.click();
    await row.page().waitForTimeout(250);
  }
}

async function pseudoRow(sidebar, english, count) {
  const rows = sidebar.locator('.monaco-list-row', { hasText: accent(english) });
  await rows.nth(count - 1).waitFor();
  const row = rows.last();
  if (await row.getAttribute('aria-expanded') === 'false') await row.click();
}

/** Runs the case in a new window of the running code-server and browser (the connection's key pair
 *  is in that browser's SecretStorage); returns the text it checked, for the canary check. */
export async function runPseudoL10nCase({ context, server, tmp, workspace, shot }) {
  const dir = path.join(tmp, 'pseudo-extension');
  fs.mkdirSync(dir, { recursive: true });
  pseudoLocalisedExtension(dir);
  const seen = [];
  const page = await context.newPage();
  // The web workbench takes its display language from the script of the language pack the server
  // serves (globalThis._VSCODE_NLS_LANGUAGE; VS Code's own words then come from the pack). No pack
  // exists offline for the pseudo locale, so the test sets that global itself: VS Code stays English,
  // and hands the locale to the extension host and the manifest reader like a pack would.
  await page.addInitScript(locale => { globalThis._VSCODE_NLS_LANGUAGE = locale; }, PSEUDO_LOCALE);
  try {
    page.setDefaultTimeout(30000);
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: dir }), { timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor();

    // The Access view: connection → organization → a project's members and keys.
    const sidebar = await openViewContainer(page, pseudo('Langfuse Access'));
    // Opened only where closed: the sandbox connection starts expanded, and a click would close it.
    await expandRow(sidebar, 'Local sandbox');
    await expandRow(sidebar, 'production-chatbot');
    await pseudoRow(sidebar, 'Members', 2); // the organization's, then the project's
    await treeRow(sidebar, accent('from organization')).waitFor();
    await pseudoRow(sidebar, 'API keys', 2); // "Organization API keys", then the project's
    await treeRow(sidebar, 'chatbot-production').waitFor();
    const tree = await sidebar.innerText();
    seen.push(tree);
    assertLocalised('the Access view', tree);
    await widenSidebar(page, sidebar, 820);
    await waitForStableColours(page);
    await page.screenshot({ path: shot });

    // A member action's confirmation (the session's question and its button), chosen from the project
    // member's context menu and cancelled. Role names are Langfuse's; "Cancel" is VS Code's own word.
    const dialog = await openSetProjectRoleDialog(page, sidebar.locator('.monaco-list-row', { hasText: 'Dana Developer' }).last(), accent('Set Project Role'), 'VIEWER');
    const message = await dialog.locator('.dialog-message-text, .dialog-message-detail').allInnerTexts();
    const buttons = (await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts()).map(b => b.trim());
    seen.push(message.join('\n'), buttons.join('\n'));
    if (!buttons.includes(pseudo('Set Project Role'))) throw new Error(`the dialog's buttons are ${buttons.join(' | ')}`);
    assertLocalised('the member action\'s confirmation dialog', [...message, ...buttons.filter(b => b !== 'Cancel')].join('\n'));
    await page.screenshot({ path: shot.replace(/\.png$/, '-dialog.png') });
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The rotation wizard's first steps (the only connection is chosen: it opens on the project).
    await page.keyboard.press('F1');
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input').first();
    await input.pressSequentially(`>${accent('Rotate API Key')}`, { delay: 10 });
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: accent('Rotate API Key') }).first().click();
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'production-chatbot' }).first().waitFor();
    const stepText = async () => `${await widget.locator('.quick-input-title, .quick-input-list .monaco-list-row').allInnerTexts().then(t => t.join('\n'))}\n${await input.getAttribute('placeholder')}`;
    seen.push(await stepText());
    const projectStep = (await stepText()).replace(/\b\d+\/\d+\b/g, ' ');
    assertLocalised("the rotation wizard's project step", projectStep);
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'pk-lf-' }).first().waitFor();
    seen.push(await stepText());
    assertLocalised("the rotation wizard's key step", (await stepText()).replace(/\b\d+\/\d+\b/g, ' '));
    await page.screenshot({ path: shot.replace(/\.png$/, '-wizard.png') });
    await page.keyboard.press('Escape');

    // The diagnostics as the Problems panel lists them: the message of each of our findings (file
    // names, the source, rule codes and positions are VS Code's or data). A file's findings are
    // published together, so once the .env file's row is listed its findings are all there; the
    // access-plan case left the workspace as the fixture has it, so the list is short and all of it
    // is rendered.
    const explorer = page.locator('#workbench\\.parts\\.sidebar');
    await page.keyboard.press('Control+Shift+E');
    await explorer.locator('.monaco-list-row', { hasText: '.env.staging' }).first().click();
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    // The Problems filter is kept per workspace, and this window shares the first one's: start unfiltered.
    const filter = page.locator('.part.panel .viewpane-filter input').first();
    await filter.waitFor();
    if (await filter.inputValue() !== '') await filter.fill('');
    await problems.locator('.monaco-list-row[aria-level="1"]', { hasText: '.env.staging' }).first().waitFor();
    seen.push(await problems.innerText());
    const rows = await problems.locator('.monaco-list-row').evaluateAll(els => els.map(el => ({
      level: el.getAttribute('aria-level'),
      file: el.querySelector('.label-name')?.textContent ?? '',
      source: el.querySelector('.marker-source')?.textContent ?? '',
      message: [...el.querySelectorAll('.marker-message')].map(m => m.textContent).join('\n'),
    })));
    const ours = [];
    let file = '';
    for (const row of rows) {
      if (row.level === '1') file = row.file;
      else if (row.level === '2' && row.source === DIAGNOSTIC_SOURCE) ours.push({ ...row, file });
    }
    const envRows = ours.filter(row => row.file.startsWith('.env'));
    if (!envRows.length) throw new Error(`the Problems panel lists no finding of a .env file:\n${rows.map(r => `${r.level} ${r.file}${r.message}`).join('\n').slice(0, 800)}`);
    assertLocalised('the .env diagnostics', envRows.map(row => row.message).join('\n'), ['.env.staging', '.env.production', 'production', 'staging']);
    const otherRows = ours.filter(row => !row.file.startsWith('.env'));
    if (otherRows.length) assertLocalised(`the diagnostics of ${[...new Set(otherRows.map(r => r.file))].join(', ')}`, otherRows.map(row => row.message).join('\n'), ['.env.staging', '.env.production', 'production', 'staging', 'analytics']);
    await problems.screenshot({ path: shot.replace(/\.png$/, '-env.png') });
    return seen.join('\n');
  } catch (e) {
    await page.screenshot({ path: shot.replace(/\.png$/, '-failure.png') }).catch(() => {});
    throw e;
  } finally {
    await page.close();
  }
}
