// Every edge shows untrusted text only through core/display. Two checks:
// 1. a scan of src/extension: VS Code's message, quick-pick and input-box API is called only from
//    src/extension/ui/notifications.ts (the createQuickPick/createInputBox of the wizards only from
//    ui/multiStepInput.ts), and progress text is always wrapped in progressText();
// 2. notifications.ts and the real prompter run against a recording stand-in of the `vscode` module:
//    what reaches VS Code is sanitised (no link syntax, no control characters, paths relative).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXTENSION = path.join(ROOT, 'src', 'extension');
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** The text of each call `name(...)` in `source` (balanced parentheses, strings not parsed: good enough for this codebase). */
function calls(source: string, name: RegExp): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  for (const m of source.matchAll(new RegExp(`${name.source}\\s*\\(`, 'g'))) {
    let depth = 0;
    let i = m.index! + m[0].length - 1;
    for (; i < source.length; i++) {
      if (source[i] === '(') depth++;
      else if (source[i] === ')' && --depth === 0) break;
    }
    out.push({ at: source.slice(0, m.index).split('\n').length, text: source.slice(m.index, i + 1) });
  }
  return out;
}

describe('display sinks: the extension shows untrusted text only through core/display', () => {
  const files = sourceFiles(EXTENSION).map(file => ({ rel: path.relative(ROOT, file).split(path.sep).join('/'), source: fs.readFileSync(file, 'utf8') }));

  it('the scan sees the extension\'s sources (a scan of nothing would pass)', () => {
    assert.ok(files.length > 30);
    assert.ok(files.some(f => f.rel === 'src/extension/ui/notifications.ts'));
  });

  it('only ui/notifications.ts calls show*Message, showQuickPick and showInputBox', () => {
    const offenders = files.filter(f => f.rel !== 'src/extension/ui/notifications.ts')
      .flatMap(f => calls(f.source, /\b(showInformationMessage|showWarningMessage|showErrorMessage|showQuickPick|showInputBox)/).map(c => `${f.rel}:${c.at}: ${c.text.slice(0, 80)}`));
    assert.deepEqual(offenders, [], 'call ui/notifications.ts (notification, dialog, quickPick, inputBox) instead: it sanitises the text');
  });

  it('only ui/multiStepInput.ts and ui/notifications.ts create QuickPicks and InputBoxes (they sanitise their labels)', () => {
    const offenders = files.filter(f => f.rel !== 'src/extension/ui/multiStepInput.ts' && f.rel !== 'src/extension/ui/notifications.ts')
      .flatMap(f => calls(f.source, /\b(createQuickPick|createInputBox)/).map(c => `${f.rel}:${c.at}`));
    assert.deepEqual(offenders, []);
  });

  it('progress titles and messages pass through progressText()', () => {
    const offenders: string[] = [];
    for (const f of files) {
      for (const c of calls(f.source, /\.report/)) if (/message/.test(c.text) && !/message:\s*progressText\(/.test(c.text)) offenders.push(`${f.rel}:${c.at}: ${c.text}`);
      for (const c of calls(f.source, /\bwithProgress/)) if (/title:/.test(c.text) && !/title:\s*progressText\(/.test(c.text)) offenders.push(`${f.rel}:${c.at}: ${c.text.slice(0, 120)}`);
    }
    assert.deepEqual(offenders, []);
  });

  describe('what reaches VS Code (a recording stand-in of the vscode module)', () => {
    const shown: { api: string; args: unknown[] }[] = [];
    let answer: unknown;
    const fakeVscode = {
      window: {
        ...Object.fromEntries(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showQuickPick', 'showInputBox'].map(api => [api, (...args: unknown[]) => { shown.push({ api, args }); return Promise.resolve(typeof answer === 'function' ? answer(args) : answer); }])),
        createQuickPick: () => { const picker = new FakePicker(); pickers.push(picker); return picker; },
      },
      QuickInputButtons: { Back: { id: 'back' } },
      QuickPickItemKind: { Separator: -1 },
      workspace: { workspaceFolders: [{ uri: { scheme: 'file', fsPath: '/home/dev/acme' }, name: 'acme' }] },
      env: { clipboard: { writeText: () => Promise.resolve() } },
    };
    /** Records what a step's quick pick shows and when; accept() and hide() act as the user would. */
    class FakePicker {
      title = ''; placeholder: string | undefined; ignoreFocusOut = false; busy = false; shownBusy: boolean | undefined; disposed = false;
      step: number | undefined; totalSteps: number | undefined; buttons: unknown[] = []; matchOnDescription = false; activeItems: unknown[] = [];
      items: { label: string }[] = []; selectedItems: { label: string }[] = [];
      private onHide = () => undefined as void; private onAccept = () => undefined as void;
      show() { this.shownBusy = this.busy; }
      onDidHide(f: () => void) { this.onHide = f; return { dispose: () => undefined }; }
      onDidAccept(f: () => void) { this.onAccept = f; return { dispose: () => undefined }; }
      onDidTriggerButton() { return { dispose: () => undefined }; }
      hide() { this.onHide(); }
      accept(i: number) { this.selectedItems = [this.items[i]]; this.onAccept(); }
      dispose() { this.disposed = true; this.onHide(); }
    }
    const pickers: FakePicker[] = [];
    let notifications: typeof import('../../../src/extension/ui/notifications');
    let prompter: typeof import('../../../src/extension/ui/prompter');
    const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const resolve = Module._resolveFilename;
    before(() => {
      Module._resolveFilename = function (request: string, ...rest: unknown[]) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
      require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode } as NodeJS.Module;
      notifications = require('../../../src/extension/ui/notifications');
      prompter = require('../../../src/extension/ui/prompter');
    });
    after(() => {
      Module._resolveFilename = resolve;
      delete require.cache.vscode;
    });
    beforeEach(() => { shown.length = 0; answer = undefined; });

    const HOSTILE = '/home/dev/acme/[Open deploy checklist](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20x%5Cn%22%7D)';

    it('notify and failed: no link, no control character, paths relative', async () => {
      prompter.vscodePrompter.notify(`Paused: the old key is still in ${HOSTILE}:1.\u001b[2J`);
      prompter.vscodePrompter.failed(`Server said: [retry](https://evil.example)\nnow`, () => undefined);
      await Promise.resolve();
      assert.equal(shown.length, 2);
      for (const s of shown) {
        const text = s.args[0] as string;
        assert.doesNotMatch(text, VSCODE_LINK, text);
        assert.doesNotMatch(text, CONTROL, text);
      }
      assert.equal(shown[0].args[0], 'Paused: the old key is still in [Open deploy checklist] (command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20x%5Cn%22%7D):1.\\x1b[2J');
      assert.deepEqual(shown[1].args.slice(2).map(b => (b as { title: string }).title), ['Show Logs']);
    });

    it('dialogs: message, detail and buttons sanitised; the answer is the caller\'s own button', async () => {
      answer = (args: unknown[]) => args[2];
      const chosen = await prompter.vscodePrompter.choose('Revoke the key of\u202e evil?', ['Revoke in prod\u0007'], `detail ${HOSTILE}`);
      assert.equal(chosen, 'Revoke in prod\u0007');
      const [call] = shown;
      assert.equal(call.args[0], 'Revoke the key of\\u202e evil?');
      assert.deepEqual(call.args[1], { modal: true, detail: 'detail [Open deploy checklist] (command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20x%5Cn%22%7D)' });
      assert.equal((call.args[2] as { title: string }).title, 'Revoke in prod\\x07');
    });

    it('quick picks: labels sanitised, the pick is the caller\'s own item; input boxes: title and prompt sanitised', async () => {
      const items = [{ label: 'prod\u001b[31m', description: 'a\nb', id: 1 }];
      answer = (args: unknown[]) => (args[0] as unknown[])[0];
      const picked = await prompter.vscodePrompter.pick(items, { title: 'Which\u0000 project?' });
      assert.equal(picked, items[0]);
      const [pick] = shown;
      assert.deepEqual((pick.args[0] as { label: string; description: string }[]).map(i => [i.label, i.description]), [['prod\\x1b[31m', 'a\\nb']]);
      assert.equal((pick.args[1] as { title: string }).title, 'Which\\x00 project?');
      shown.length = 0;
      answer = 'typed';
      assert.equal(await prompter.vscodePrompter.input({ title: 'Key for\nproject', prompt: 'why\u0085' }), 'typed');
      assert.deepEqual([(shown[0].args[0] as { title: string }).title, (shown[0].args[0] as { prompt: string }).prompt], ['Key for\\nproject', 'why\\x85']);
    });

    it('a step that waits on the network shows busy at once with its n/N, fills sanitised, and leaving it aborts the load', async () => {
      const { MultiStepInput } = require('../../../src/extension/ui/multiStepInput') as typeof import('../../../src/extension/ui/multiStepInput');
      let release!: (loaded: { items: { label: string; id: number }[] }) => void;
      let signal!: AbortSignal;
      let picked: unknown;
      const load = (s: AbortSignal) => { signal = s; return new Promise<{ items: { label: string; id: number }[] }>(r => { release = r; }); };
      const flow = MultiStepInput.run<object>(async input => { picked = await input.pickLoading!({ title: 'Choose\u0007 a member', step: 2, totalSteps: 3, load }); }, {});
      await new Promise(r => setImmediate(r));
      const picker = pickers.at(-1)!;
      assert.equal(picker.shownBusy, true, 'shown busy before any answer');
      assert.deepEqual([picker.title, picker.step, picker.totalSteps], ['Choose\\x07 a member', 2, 3]);
      const items = [{ label: 'dev\u001b[31m', id: 1 }, { label: 'lead', id: 2 }];
      release({ items });
      await new Promise(r => setImmediate(r));
      assert.equal(picker.busy, false);
      assert.deepEqual(picker.items.map(i => i.label), ['dev\\x1b[31m', 'lead']);
      picker.accept(0);
      assert.equal(await flow, 'done');
      assert.equal(picked, items[0], 'the caller\'s own item');
      const left = MultiStepInput.run<object>(async input => { await input.pickLoading!({ title: 'Choose a project', step: 1, totalSteps: 3, load: s => { signal = s; return new Promise<{ items: { label: string }[] }>(() => undefined); } }); }, {});
      await new Promise(r => setImmediate(r));
      pickers.at(-1)!.hide();
      assert.equal(await left, 'cancelled', 'Escape while it loads cancels the flow');
      assert.equal(signal.aborted, true, 'the load is cancelled with the picker');
    });

    it('a quick pick with a pre-selected row is sanitised the same way', async () => {
      const created: { items?: { label: string }[]; activeItems?: unknown[]; title?: string; accept?: () => void }[] = [];
      (fakeVscode.window as Record<string, unknown>).createQuickPick = () => {
        const qp: Record<string, any> = { selectedItems: [], onDidAccept: (f: () => void) => { qp.accept = f; }, onDidHide: () => undefined, dispose: () => undefined };
        qp.show = () => { qp.selectedItems = qp.activeItems; qp.accept(); };
        created.push(qp);
        return qp;
      };
      const items = [{ label: 'OWNER' }, { label: 'VIEWER\u202e' }];
      const picked = await prompter.vscodePrompter.pick(items, { title: 'Role\u0007', active: items[1] });
      assert.equal(picked, items[1], 'Enter takes the pre-selected row, not the first one');
      assert.equal(created[0].title, 'Role\\x07');
      assert.deepEqual(created[0].items!.map(i => i.label), ['OWNER', 'VIEWER\\u202e']);
    });

    it('progress text is sanitised the same way', () => {
      assert.equal(notifications.progressText(`pushing ${HOSTILE}`), 'pushing [Open deploy checklist] (command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20x%5Cn%22%7D)');
    });
  });
});
