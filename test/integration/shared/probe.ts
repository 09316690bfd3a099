// The test side of the workbench probe (test/scripts/workbench-probe.mjs): asks the runner, which drives
// the browser, what the workbench has rendered, and clicks it as a user would.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export interface RenderedNotification {
  /** The message as rendered (innerText). */
  text: string;
  /** Every link VS Code rendered inside the message. */
  links: { text: string; href: string }[];
}

export interface RenderedQuickInput { title: string; back: boolean; rows: string[]; active?: string }

function probeDir(): string {
  const dir = process.env.VSCODE_TEST_PROBE_DIR;
  if (!dir) throw new Error('VSCODE_TEST_PROBE_DIR is not set: run the suite with test/scripts/run-integration-tests.mjs');
  return dir;
}

async function ask<T>(action: string, args: Record<string, unknown> = {}, timeoutMs = 30000): Promise<T> {
  const dir = probeDir();
  const id = crypto.randomBytes(6).toString('hex');
  const tmp = path.join(dir, `${id}.req.tmp`);
  fs.writeFileSync(tmp, JSON.stringify({ action, args }));
  fs.renameSync(tmp, path.join(dir, `${id}.req.json`));
  const response = path.join(dir, `${id}.res.json`);
  const end = Date.now() + timeoutMs;
  while (!fs.existsSync(response)) {
    if (Date.now() > end) throw new Error(`the workbench probe did not answer "${action}" within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 50));
  }
  const body = JSON.parse(fs.readFileSync(response, 'utf8')) as { ok: boolean; result?: T; error?: string };
  fs.rmSync(response, { force: true });
  if (!body.ok) throw new Error(`workbench probe "${action}": ${body.error}`);
  return body.result as T;
}

export const workbench = {
  /** The notifications on screen; with `waitFor`, waits until one contains that text. */
  notifications: (waitFor?: string, timeoutMs = 15000) => ask<RenderedNotification[]>('notifications', { waitFor, timeoutMs }, timeoutMs + 5000),
  /** Clicks every link rendered in the notifications containing `containing`; returns how many it clicked. */
  clickNotificationLinks: (containing: string) => ask<number>('clickNotificationLinks', { containing }),
  clearNotifications: () => ask<boolean>('clearNotifications'),
  /** The status bar items' texts, left to right. */
  statusBar: () => ask<string[]>('statusBar'),
  /** The quick input as rendered (title with "(n/N)", Back, rows, focused row), once its title contains `title` and its rows `row`. */
  quickInput: (title: string, row?: string, timeoutMs = 15000) => ask<RenderedQuickInput>('quickInput', { title, row, timeoutMs }, timeoutMs + 5000),
  /** Clicks the quick input's row labelled `label`. */
  quickInputPick: (label: string) => ask<boolean>('quickInputPick', { label }),
  /** The editor tabs with their dirty marks. */
  tabs: () => ask<{ label: string; dirty: boolean }[]>('tabs'),
};
