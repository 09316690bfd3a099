import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'langfuse-access.langfuse-access';

export async function activateExtension(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  assert.ok(ext.isActive);
  return api;
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export function sandboxCredentials(): { baseUrl: string; organization: { publicKey: string; secretKey: string } } {
  const file = process.env.LANGFUSE_ACCESS_SANDBOX_CREDENTIALS;
  assert.ok(file, 'the runner passes the sandbox credentials file');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function auditLines(): Array<Record<string, any>> {
  const file = path.join(process.env.XDG_STATE_HOME!, 'langfuse-access', 'audit.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
}

export function packageJson(): any {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return ext.packageJSON;
}

/** What a scripted answer is matched against: the prompt's kind and text. */
export interface Asked { kind: 'confirm' | 'choose' | 'pick' | 'input' | 'refuse' | 'notify' | 'done' | 'transient' | 'withdraw' | 'copy' | 'failed'; text: string; options?: string[] }

type Answer =
  | { confirm: boolean }
  | { choose: string | undefined }
  | { pick: string | RegExp | undefined }
  | { input: string | undefined };

/**
 * A Prompter that answers from a script, in order, and records every question, so a test drives a
 * command exactly as a user would click through it. An unexpected question fails the test.
 */
export class ScriptedPrompter {
  readonly asked: Asked[] = [];
  steps: ScriptedSteps | undefined;
  readonly copied: string[] = [];
  private script: Answer[] = [];

  answer(...answers: Answer[]): this { this.script.push(...answers); return this; }
  pending(): number { return this.script.length; }

  private next<K extends 'confirm' | 'choose' | 'pick' | 'input'>(kind: K, text: string): Extract<Answer, Record<K, unknown>> {
    const a = this.script.shift();
    if (!a || !(kind in a)) throw new Error(`unexpected ${kind}: "${text}" (next scripted answer: ${JSON.stringify(a)})`);
    return a as Extract<Answer, Record<K, unknown>>;
  }

  /** Passing notes still standing, by subject (a key): withdrawn ones are gone. */
  readonly transients = new Map<string, string>();

  async confirm(message: string, button: string, _detail?: string, cancel?: string) { this.asked.push({ kind: 'confirm', text: message, options: cancel ? [button, cancel] : [button] }); return this.next('confirm', message).confirm; }
  async choose<T extends string>(message: string, buttons: T[]) {
    this.asked.push({ kind: 'choose', text: message, options: buttons });
    const c = this.next('choose', message).choose;
    if (c !== undefined && !buttons.includes(c as T)) throw new Error(`"${c}" is not one of ${buttons.join(', ')}`);
    return c as T | undefined;
  }
  /** The row each pick pre-selected (its label), in order. */
  readonly activeRows: (string | undefined)[] = [];
  async pick<T extends vscode.QuickPickItem>(items: T[], options: { title: string; active?: T }) {
    this.asked.push({ kind: 'pick', text: options.title, options: items.map(i => i.description ? `${i.label} ${i.description}` : i.label) });
    this.activeRows.push(options.active?.label);
    const want = this.next('pick', options.title).pick;
    if (want === undefined) return undefined;
    const found = items.find(i => typeof want === 'string' ? i.label === want : want.test(i.label));
    if (!found) throw new Error(`no item ${want} in ${items.map(i => i.label).join(', ')}`);
    return found;
  }
  async input(options: vscode.InputBoxOptions & { title: string }) {
    this.asked.push({ kind: 'input', text: options.title });
    const value = this.next('input', options.title).input;
    if (value !== undefined && options.validateInput) {
      const problem = await options.validateInput(value);
      if (problem) throw new Error(`input "${value}" is invalid: ${typeof problem === 'string' ? problem : problem.message}`);
    }
    return value;
  }
  async refuse(message: string) { this.asked.push({ kind: 'refuse', text: message }); }
  notify(message: string) { this.asked.push({ kind: 'notify', text: message }); }
  done(message: string) { this.asked.push({ kind: 'done', text: message }); }
  transient(message: string, subject: string) { this.asked.push({ kind: 'transient', text: message, options: [subject] }); this.transients.set(subject, message); }
  withdraw(subject: string) { this.asked.push({ kind: 'withdraw', text: subject }); this.transients.delete(subject); }
  failed(message: string, _show: () => void, error?: unknown) { this.asked.push({ kind: 'failed', text: `${message}\n${(error as Error)?.stack ?? ''}` }); }
  /** The failures shown, for assertion messages. */
  failures(): string { return this.asked.filter(a => a.kind === 'failed').map(a => a.text).join('\n'); }
  async copy(text: string) { this.copied.push(text); this.asked.push({ kind: 'copy', text: '(clipboard)' }); }
}

/** Reads the sandbox's live state with the organization key, as a second client would. */
/**
 * The hooks of a suite that drives the extension against the sandbox connection: the extension activated
 * once, a fresh scripted prompter installed per test, and after each test every scripted answer of the
 * installed prompter used (a test may install its own). `use` receives both before each test.
 */
export function scriptedSandboxSuite(use: (api: ExtensionApi, ui: ScriptedPrompter) => void): void {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
    await waitFor('the sandbox connection', () => api.services.connections.get('local-sandbox'));
  });
  beforeEach(() => { const ui = new ScriptedPrompter(); api.services.ui = ui; use(api, ui); });
  afterEach(() => {
    const installed = api.services.ui;
    if (installed instanceof ScriptedPrompter) assert.strictEqual(installed.pending(), 0, 'every scripted answer was used');
  });
}

export async function sandboxGet(pathname: string): Promise<any> {
  const c = sandboxCredentials();
  const auth = Buffer.from(`${c.organization.publicKey}:${c.organization.secretKey}`).toString('base64');
  const res = await fetch(new URL(pathname, c.baseUrl), { headers: { Authorization: `Basic ${auth}` } });
  if (!res.ok) throw new Error(`${pathname}: ${res.status}`);
  return res.json();
}

export async function sandboxPut(pathname: string, body: unknown): Promise<void> {
  const c = sandboxCredentials();
  const auth = Buffer.from(`${c.organization.publicKey}:${c.organization.secretKey}`).toString('base64');
  const res = await fetch(new URL(pathname, c.baseUrl), { method: 'PUT', headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${pathname}: ${res.status}`);
}

type FlowAnswer = { pick: string | RegExp } | { pickMany: (string | RegExp)[] } | { text: string } | { back: true } | { cancel: true };

/**
 * Scripts a multi-step QuickInput flow (the wizards): each answer picks by label, ticks labels, types
 * text (validated like the real input box), or presses Back / Escape. Records step titles with n/N.
 */
export class ScriptedSteps {
  readonly shown: string[] = [];
  /** Each pick step's title as VS Code renders it ("Title (n/N)") and its rows with their descriptions. */
  readonly picks: { title: string; rows: string[] }[] = [];
  private script: FlowAnswer[] = [];
  answer(...answers: FlowAnswer[]): this { this.script.push(...answers); return this; }
  pending(): number { return this.script.length; }
  private next(what: string): FlowAnswer {
    const a = this.script.shift();
    if (!a) throw new Error(`unexpected step: ${what}`);
    if ('back' in a) throw Object.assign(new Error('back'), { flowAction: 'back' });
    if ('cancel' in a) throw Object.assign(new Error('cancel'), { flowAction: 'cancel' });
    return a;
  }
  private static match<T extends vscode.QuickPickItem>(items: readonly T[], want: string | RegExp): T {
    const found = items.find(i => typeof want === 'string' ? i.label === want || i.label.endsWith(` ${want}`) : want.test(i.label));
    if (!found) throw new Error(`no item ${want} in ${items.map(i => i.label).join(' | ')}`);
    return found;
  }
  async pick<T extends vscode.QuickPickItem>(o: { title: string; step: number; totalSteps: number; items: readonly T[] }): Promise<T> {
    this.shown.push(`${o.step}/${o.totalSteps} pick: ${o.items.map(i => i.label).join(' | ')}`);
    this.picks.push({ title: `${o.title} (${o.step}/${o.totalSteps})`, rows: o.items.map(i => i.description ? `${i.label} ${i.description}` : i.label) });
    const a = this.next(`${o.step}/${o.totalSteps}`);
    if (!('pick' in a)) throw new Error(`step ${o.step}: expected a pick answer, got ${JSON.stringify(a)}`);
    return ScriptedSteps.match(o.items, a.pick);
  }
  async pickMany<T extends vscode.QuickPickItem>(o: { title: string; step: number; totalSteps: number; items: readonly T[]; selected?: readonly T[] }): Promise<T[]> {
    // Pre-selected items are marked "[x] " (what the user sees ticked when the step opens).
    this.shown.push(`${o.step}/${o.totalSteps} pickMany: ${o.items.map(i => `${o.selected?.includes(i) ? '[x] ' : ''}${i.label}${i.description ? ` (${i.description})` : ''}`).join(' | ')}`);
    const a = this.next(`${o.step}/${o.totalSteps}`);
    if (!('pickMany' in a)) throw new Error(`step ${o.step}: expected a pickMany answer, got ${JSON.stringify(a)}`);
    return a.pickMany.map(w => ScriptedSteps.match(o.items, w));
  }
  async text(o: { title: string; step: number; totalSteps: number; validate?: (v: string) => string | undefined | Promise<string | undefined> }): Promise<string> {
    this.shown.push(`${o.step}/${o.totalSteps} text`);
    const a = this.next(`${o.step}/${o.totalSteps}`);
    if (!('text' in a)) throw new Error(`step ${o.step}: expected a text answer, got ${JSON.stringify(a)}`);
    const problem = await o.validate?.(a.text);
    if (problem) throw new Error(`"${a.text}" is invalid: ${problem}`);
    return a.text;
  }
}
