// The workbench probe: lets a test running INSIDE the extension host ask the runner (which drives the
// browser) what the user actually sees, and click it. The extension API cannot read or click a rendered
// notification; the page can. Protocol: the test writes `<dir>/<id>.req.json` ({ action, args }), the
// runner answers with `<dir>/<id>.res.json` ({ ok, result } or { ok: false, error }). Both sides write a
// temp file and rename it, so neither reads a half-written file. The test side is
// test/integration/shared/probe.ts.
import fs from 'node:fs';
import path from 'node:path';

/** Notifications as rendered: toasts and the notification center (each with its message text and links). */
const NOTIFICATION_ROWS = '.notifications-toasts .notification-list-item, .notifications-center .notification-list-item';

async function notifications(page) {
  return page.$$eval(NOTIFICATION_ROWS, rows => rows.map(row => {
    const message = row.querySelector('.notification-list-item-message');
    return {
      text: message ? message.innerText : '',
      links: message ? [...message.querySelectorAll('a')].map(a => ({ text: a.innerText, href: a.getAttribute('href') ?? a.dataset.href ?? '' })) : [],
    };
  }));
}

const actions = {
  /** Every notification on screen; with `waitFor`, first waits (up to `timeoutMs`) until one contains that text. */
  async notifications(page, { waitFor, timeoutMs = 15000 } = {}) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const shown = await notifications(page);
      if (!waitFor || shown.some(n => n.text.includes(waitFor))) return shown;
      if (Date.now() > end) throw new Error(`no notification containing ${JSON.stringify(waitFor)} within ${timeoutMs} ms; shown: ${JSON.stringify(shown.map(n => n.text))}`);
      await new Promise(r => setTimeout(r, 100));
    }
  },
  /** Clicks every link inside the notifications whose text contains `containing`, as a user would; returns how many. */
  async clickNotificationLinks(page, { containing }) {
    const rows = page.locator(NOTIFICATION_ROWS).filter({ hasText: containing });
    let clicked = 0;
    for (let i = 0; i < await rows.count(); i++) {
      const links = rows.nth(i).locator('.notification-list-item-message a');
      for (let j = 0; j < await links.count(); j++) {
        await links.nth(j).click();
        clicked++;
      }
    }
    return clicked;
  },
  /** The texts of the status bar's items, left to right (messages set with setStatusBarMessage included). */
  async statusBar(page) {
    return page.locator('.part.statusbar .statusbar-item').allInnerTexts();
  },
  /** The editor tabs: label, and whether VS Code marks it dirty (closing a dirty tab asks to save). */
  async tabs(page) {
    return page.$$eval('.tabs-container .tab', tabs => tabs.map(t => ({ label: t.getAttribute('aria-label') ?? t.innerText, dirty: t.classList.contains('dirty') })));
  },
  /**
   * The quick input on screen as rendered: its title (VS Code adds the step as "(n/N)"), whether it shows
   * Back, its rows in order and the focused one. Waits (up to `timeoutMs`) until the title contains
   * `title` and the rows include `row` (a picker that loads shows its rows only once they arrived).
   */
  async quickInput(page, { title = '', row, timeoutMs = 15000 } = {}) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const shown = await page.evaluate(() => {
        const widget = document.querySelector('.quick-input-widget');
        if (!widget || widget.style.display === 'none') return undefined;
        const labelOf = r => (r.querySelector('.label-name')?.textContent ?? '').trim();
        const rows = [...widget.querySelectorAll('.quick-input-list .monaco-list-row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
        return {
          title: widget.querySelector('.quick-input-title')?.textContent ?? '',
          back: widget.querySelectorAll('.quick-input-left-action-bar .action-item').length > 0,
          rows: rows.map(labelOf),
          active: labelOf(rows.find(r => r.classList.contains('focused')) ?? document.createElement('div')) || undefined,
        };
      });
      if (shown && shown.title.includes(title) && (row === undefined || shown.rows.includes(row))) return shown;
      if (Date.now() > end) throw new Error(`no quick input titled ${JSON.stringify(title)} with the row ${JSON.stringify(row)} within ${timeoutMs} ms; shown: ${JSON.stringify(shown)}`);
      await new Promise(r => setTimeout(r, 50));
    }
  },
  /** Clicks the quick input's row whose label is `label`, as a user would. */
  async quickInputPick(page, { label }) {
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name').getByText(label, { exact: true }) }).first().click();
    return true;
  },
  /** Closes every notification (the next check starts from an empty screen). */
  async clearNotifications(page) {
    await page.keyboard.press('Escape').catch(() => undefined);
    return true;
  },
};

/** Serves probe requests from `dir` for `page` until the returned stop() is called. */
export function serveWorkbenchProbe(page, dir) {
  fs.mkdirSync(dir, { recursive: true });
  let stopped = false;
  let busy = false;
  const answer = (id, body) => {
    const tmp = path.join(dir, `${id}.res.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(body));
    fs.renameSync(tmp, path.join(dir, `${id}.res.json`));
  };
  const poll = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      for (const name of fs.readdirSync(dir).filter(f => f.endsWith('.req.json'))) {
        const id = name.slice(0, -'.req.json'.length);
        const file = path.join(dir, name);
        let request;
        try { request = JSON.parse(fs.readFileSync(file, 'utf8')); } finally { fs.rmSync(file, { force: true }); }
        const action = actions[request.action];
        try {
          if (!action) throw new Error(`unknown probe action ${request.action}`);
          answer(id, { ok: true, result: await action(page, request.args ?? {}) });
        } catch (e) {
          answer(id, { ok: false, error: String(e?.message ?? e) });
        }
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => { void poll(); }, 100);
  return { stop() { stopped = true; clearInterval(timer); } };
}
