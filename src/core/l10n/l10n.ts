// User-facing words of the core (rule, finding and refusal messages, tree labels, wizard choices) go
// through `l10n.t`, named like VS Code's own so that `@vscode/l10n-dev export` collects them into
// media/l10n/bundle.l10n.json with the extension's strings. Each edge installs its translator: the
// extension `vscode.l10n.t`, the CLI `@vscode/l10n` with the same bundles. Without one, the English
// message is formatted as is ({0}, {1}… replaced by the arguments, like both translators do).
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

// Kept on globalThis: the extension's lazily loaded chunks each carry a copy of this module, and all
// of them must see the translator the edge installed once.
const SLOT = Symbol.for('langfuse-access.l10n.translate');
type Holder = { [SLOT]?: Translate };

/** Replaces {0}, {1}… with the arguments (unknown indexes stay as written). */
export function formatMessage(message: string, args: ReadonlyArray<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

export const l10n = {
  t(message: string, ...args: Array<string | number | boolean>): string {
    const translate = (globalThis as Holder)[SLOT];
    return translate ? translate(message, ...args) : formatMessage(message, args);
  },
};

/** Called once by an edge at start; `undefined` restores plain English. */
export function installTranslator(translate: Translate | undefined): void {
  (globalThis as Holder)[SLOT] = translate;
}
