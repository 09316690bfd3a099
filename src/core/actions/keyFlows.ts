// Creating and revoking project API keys from the Access view, for any edge. Langfuse returns a new
// key's secret only in the creation answer (docs/langfuse-behaviour.md §2.4), so it is handed over at
// once — copied and/or stored by the edge — and never drawn on screen; dismissing without keeping it
// offers to revoke the now useless key ("Go Back" returns to the secret).
import { keyNotePrompt } from '../keys/keyHealth';
import { maskSecretKey, shortPublicKey } from '../keys/keyDisplay';
import type { CreatedApiKey } from '../langfuse/schemas';
import type { NodeOf } from '../org/accessNodes';
import { l10n } from '../l10n/l10n';
import { performAction, refuseBefore } from './memberFlows';
import { isRefused, type FlowContext, type InputOptions, type Refused } from './ui';

/** Where the edge keeps a new secret: the clipboard, its secret store; and forgets a revoked one. */
export interface SecretHandover {
  copy(secret: string): Promise<void>;
  store(created: CreatedApiKey, project: { id: string; name: string }): Promise<void>;
  forget(publicKey: string): Promise<void>;
}

/** The buttons for keeping a new secret (built when asked, in the user's language). */
const keepChoices = () => ({
  both: l10n.t('Copy Secret and Store in SecretStorage'),
  copy: l10n.t('Copy Secret Key'),
  store: l10n.t('Store in SecretStorage'),
});

/** The purpose note of a new key, worded by the naming convention (refused before it is asked when the identity may not create keys there). */
export async function keyNoteQuestion(ctx: FlowContext, project: { id: string; name: string }, noteConvention: string, signal?: AbortSignal): Promise<Refused | InputOptions> {
  const verdict = (await ctx.session.permissions([project.id], signal)).projects[project.id]?.createKey;
  if (verdict && !verdict.allowed) return { refused: { action: 'apiKey.create', resource: { kind: 'apiKey', project: project.name }, verdict } };
  const ask = keyNotePrompt(noteConvention, project.name);
  return { title: l10n.t('New API key for {0}', project.name), prompt: ask.prompt, placeHolder: ask.placeholder, validateInput: ask.problem };
}

/**
 * `storeRequired`: the key is for a file the edge fills from its secret store (the .env quick fix), so "copy only" is not offered.
 * `note`: already asked (a palette flow's last step).
 */
export async function createApiKeyFlow(ctx: FlowContext, project: { id: string; name: string }, options: { noteConvention: string; handover: SecretHandover; storeRequired?: boolean; note?: string }): Promise<string | undefined> {
  let note = options.note;
  if (note === undefined) {
    const q = await keyNoteQuestion(ctx, project, options.noteConvention);
    if (isRefused(q)) { await refuseBefore(ctx, q); return undefined; }
    note = (await ctx.ui.input(q))?.trim();
  }
  if (!note) return undefined;
  let created: CreatedApiKey | undefined;
  let message = '';
  try {
    const outcome = await ctx.session.perform({ kind: 'apiKey.create', projectId: project.id, note });
    if (outcome.status === 'done') ({ created, message } = outcome);
  } finally {
    ctx.changed();
  }
  if (!created) return undefined;
  const key = shortPublicKey(created.publicKey);
  const KEEP = keepChoices();
  for (;;) {
    const choice = await ctx.ui.choose(l10n.t('API key created in {0}: {1}', project.name, created.publicKey), options.storeRequired ? [KEEP.store, KEEP.both] : [KEEP.both, KEEP.copy, KEEP.store],
      options.storeRequired
        ? l10n.t('The secret key ({0}) is shown by Langfuse only now. Store it in SecretStorage: the quick fix puts the pair into the file from there (and you may copy it for your secret manager too).', maskSecretKey(created.secretKey))
        : l10n.t('The secret key ({0}) is shown by Langfuse only now. Keep it before closing this dialog: copy it to your secret manager, or store it in SecretStorage (the rotation wizard and .env quick fixes can use it from there).', maskSecretKey(created.secretKey)));
    if (choice) {
      const copy = choice !== KEEP.store;
      const store = choice !== KEEP.copy;
      if (copy) await options.handover.copy(created.secretKey);
      if (store) await options.handover.store(created, project);
      ctx.ui.done(store ? l10n.t('{0} Its secret is stored in SecretStorage.', message) : message);
      // Said in passing and withdrawn when the key is revoked: the clipboard note must not outlive the key.
      if (copy) ctx.ui.transient(l10n.t('The secret key of {0} is on the clipboard: paste it into your secret manager.', key), created.publicKey);
      return created.publicKey;
    }
    if (await performAction(ctx, { kind: 'apiKey.revoke', projectId: project.id, keyId: created.id, discarded: true })) return undefined;
  }
}

export async function revokeApiKeyFlow(ctx: FlowContext, node: NodeOf<'projectKey'>, handover: Pick<SecretHandover, 'forget'>): Promise<boolean> {
  const revoked = await performAction(ctx, { kind: 'apiKey.revoke', projectId: node.project.id, keyId: node.key.id });
  if (revoked) {
    ctx.ui.withdraw(node.key.publicKey);
    await handover.forget(node.key.publicKey);
  }
  return revoked;
}
