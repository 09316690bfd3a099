// Makes media/langfuse-access.png, the Marketplace icon (256×256), from media/langfuse-access.svg (the
// activity-bar glyph): the glyph in white on the banner colour, rendered by Debian's Chromium through
// playwright-core (both already used by the e2e layer). Run after changing the SVG:
//   node test/scripts/make-icon.mjs
// The PNG is committed; the package test checks it is a real PNG of at least 128×128.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from './vscode-host.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SIZE = 256;
/** Also the galleryBanner colour in package.json. */
export const BANNER = '#0E2A47';

const glyph = fs.readFileSync(path.join(root, 'media', 'langfuse-access.svg'), 'utf8')
  .replace(/stroke="currentColor"/, 'stroke="#FFFFFF"')
  .replace(/width="24" height="24"/, `width="${Math.round(SIZE * 0.72)}" height="${Math.round(SIZE * 0.72)}"`);
const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:${SIZE}px;height:${SIZE}px;border-radius:${SIZE * 0.18}px;background:${BANNER};display:flex;align-items:center;justify-content:center">${glyph}</div>
</body></html>`;

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-icon-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath, headless: true, viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await context.newPage();
  await page.setContent(html);
  const out = path.join(root, 'media', 'langfuse-access.png');
  await page.locator('div').first().screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${path.relative(root, out)} (${fs.statSync(out).size} bytes)`);
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
