// Steps 2–3: the new pair. Admin mode generates it and persists the secret BEFORE Langfuse knows
// it (sent as a predefined pair), so a crash or a lost answer never leaves a key whose secret
// nobody has; manual mode takes the pair the user created in the Langfuse UI and checks its project.
import { UnauthorizedError } from '../langfuse';
import type { StepContext } from './context';
import { l10n } from '../l10n/l10n';
import { RotationInputError } from './errors';
import { oldKeyOf, type RotationJournal } from './journal';
// The rotation generates the pair locally and sends it as a predefined pair, so the secret is
// persisted BEFORE the create request: a lost answer never leaves a key whose secret nobody has.
import { generateKeyPair } from '../langfuse/keys';
import { keptNote, lineage, PUBLIC_KEY_FORMAT, SECRET_KEY_FORMAT } from './newKeyPair';
import type { KeyPairInput, RotationCallbacks } from './types';

/** Admin: generate the pair and persist its secret BEFORE Langfuse knows it. Manual: take the pasted pair. */
export async function prepareNewPair(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  const pending = await ctx.pending(j);
  if (j.mode === 'manual') {
    let pair = pending.newPair;
    if (!pair) {
      const note = keptNote(j);
      pair = await cb.provideNewPair?.({
        rotationId: j.id, project: j.project.name, baseUrl: j.connection.baseUrl, oldPublicKey: oldKeyOf(j).publicKey, suggestedNote: note ?? '',
        instructions: note
          ? l10n.t('Create a new API key in the Langfuse UI (project {0} → Settings → API Keys) with the note "{1}", then paste the public and the secret key. The secret is shown only once.', j.project.name, note)
          : l10n.t('Create a new API key in the Langfuse UI (project {0} → Settings → API Keys) with the same note as {1}, then paste the public and the secret key. The secret is shown only once.', j.project.name, oldKeyOf(j).publicKey),
      });
      if (!pair) return ctx.wait(j, cb, 'new-pair', l10n.t('Waiting for the new key pair created in the Langfuse UI for project {0}.', j.project.name));
      await checkPastedPair(ctx, j, pair);
      pending.newPair = { publicKey: pair.publicKey, secretKey: pair.secretKey };
      await ctx.deps.secrets.save(pending);
      ctx.checkpoint('persisted-new-secret');
    } else {
      await checkPastedPair(ctx, j, pair);
    }
    j.newKey = { publicKey: pair.publicKey };
    return ctx.advance(j, 'creating', cb, l10n.t('New pair {0} answers for project {1}; its secret is kept in {2} until the rotation ends.', pair.publicKey, j.project.name, ctx.deps.secrets.describe()));
  }
  if (!pending.newPair) {
    pending.newPair = (ctx.deps.generatePair ?? generateKeyPair)();
    await ctx.deps.secrets.save(pending);
    ctx.checkpoint('persisted-new-secret');
  }
  j.newKey = { publicKey: pending.newPair.publicKey, note: keptNote(j) };
  return ctx.advance(j, 'creating', cb, l10n.t('New secret for {0} stored in {1} before creating the key.', pending.newPair.publicKey, ctx.deps.secrets.describe()));
}

async function checkPastedPair(ctx: StepContext, j: RotationJournal, pair: KeyPairInput): Promise<void> {
  if (!PUBLIC_KEY_FORMAT.test(pair.publicKey) || !SECRET_KEY_FORMAT.test(pair.secretKey)) throw new RotationInputError(l10n.t('The pasted pair is not a Langfuse key pair (pk-lf-… and sk-lf-…). Copy both values again from the Langfuse UI.'));
  if (pair.publicKey === j.oldKey?.publicKey) throw new RotationInputError(l10n.t('The pasted public key is the old key {0}. Create a NEW key in the Langfuse UI.', j.oldKey.publicKey));
  let who;
  try {
    who = await ctx.client(pair, j).whoAmI();
  } catch (err) {
    if (err instanceof UnauthorizedError) throw new RotationInputError(l10n.t('Langfuse does not accept the pasted pair {0} (401). Check that both keys were copied completely and belong to {1}.', pair.publicKey, j.connection.baseUrl));
    throw err;
  }
  if (j.project.id ? who.id !== j.project.id : who.name !== j.project.name) {
    throw new RotationInputError(l10n.t('The pasted pair belongs to project {0} ({1}), not {2}. Create the key in project {2}.', who.name, who.id, j.project.name));
  }
  j.project.id = who.id;
}

/** Creates the key with the persisted pair, or finds it if an earlier run already did. */
export async function createKey(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  const pending = await ctx.pending(j);
  const pair = ctx.newPair(j, pending);
  if (j.mode === 'manual') return ctx.advance(j, 'created', cb, l10n.t('Using the pair created in the Langfuse UI: {0}.', pair.publicKey), { lineage: lineage(j) });
  const admin = ctx.admin();
  const projectId = ctx.projectId(j);
  const existing = (await admin.projectApiKeys.list(projectId)).find(k => k.publicKey === pair.publicKey);
  if (existing) {
    j.newKey = { ...j.newKey, publicKey: existing.publicKey, id: existing.id, createdAt: existing.createdAt };
    return ctx.advance(j, 'created', cb, l10n.t('New key {0} exists (created by an earlier run).', pair.publicKey), { lineage: lineage(j), note: existing.note ?? null });
  }
  const created = await admin.projectApiKeys.create(projectId, { note: j.newKey?.note, publicKey: pair.publicKey, secretKey: pair.secretKey });
  if (created.publicKey !== pair.publicKey || created.secretKey !== pair.secretKey) {
    // A server that ignores predefined keys generated its own pair: persist that one at once.
    pending.newPair = { publicKey: created.publicKey, secretKey: created.secretKey };
    await ctx.deps.secrets.save(pending);
    j.notes.push(l10n.t('The server generated its own key pair instead of the predefined one; that pair was stored instead.'));
  }
  ctx.checkpoint('key-created');
  j.newKey = { publicKey: created.publicKey, id: created.id, createdAt: created.createdAt, note: created.note ?? undefined };
  return ctx.advance(j, 'created', cb, l10n.t('Created {0} in project {1} (note "{2}", kept from the old key).', created.publicKey, j.project.name, created.note ?? ''), { lineage: lineage(j), note: created.note ?? null });
}
