import * as vscode from 'vscode';
import type { StoredProjectKey } from '../../core/keys/storedKey';
import { parseStoredProjectKey } from '../../core/keys/storedKey';
import { shortPublicKey } from '../../core/log/redact';
import { SecretKeys } from '../../core/names';
import type { RotationJournal, RunResult } from '../../core/rotation/index';
import type { SessionRotations } from '../../core/session/index';
import { forgetStoredKey, rememberStoredKey } from '../keys/storedKeyList';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import type { WizardState } from './rotationWizard';
import { progressText, workspaceRoots } from '../ui/notifications';
import { displayPath, markdownCodeBlock, relativizePaths, summarizeList } from '../../core/display';

/**
 * In Restricted Mode every rotation command is refused before it asks or sends anything (the menus
 * hide them; this covers the palette, keybindings and other extensions). True when refused.
 */
export async function refusedInRestrictedMode(services: Services): Promise<boolean> {
  const why = loadChunk('core').restrictedModeRotationRefusal(vscode.workspace.isTrusted);
  if (why) await services.ui.refuse(why);
  return Boolean(why);
}

/** Starts the wizard's rotation through the connection's session (which refuses before creating anything). */
export async function startRotation(services: Services, s: Required<Omit<WizardState, 'probeTraces'>> & Pick<WizardState, 'probeTraces'>): Promise<RotationJournal | undefined> {
  const connection = services.connections.get(s.connectionId)!;
  const stored = parseStoredProjectKey(await services.context.secrets.get(SecretKeys.projectKey(s.oldKey.publicKey)));
  const rotations = await (await services.clients.session(s.connectionId)).rotations();
  const roots = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
  try {
    const started = await rotations.start({
      mode: s.mode,
      connection: { id: connection.id, name: connection.name, baseUrl: connection.baseUrl },
      project: s.project,
      oldPublicKey: s.oldKey.publicKey,
      targets: s.targets,
      scanPaths: roots,
      probeTraces: s.probeTraces ?? false,
      workspaceTrusted: vscode.workspace.isTrusted,
      oldSecretKey: stored?.secretKey,
    });
    if (started.status !== 'started') return undefined;
    return await driveRotation(services, rotations, started.journal.id);
  } finally {
    rotations.close();
  }
}

/** Runs (or resumes) a rotation with progress, stopping where a person must answer. */
export async function driveRotation(services: Services, rotations: SessionRotations, id: string): Promise<RotationJournal> {
  const chunk = loadChunk('core');
  const port = services.port();
  let result: RunResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: progressText(rotationTitle(rotations.engine.load(id))), cancellable: false },
      progress => { port.onProgress = (message, increment) => progress.report({ message: progressText(message), increment }); return rotations.run(id); });
  } catch (err) {
    // Failed: keys may have been created or revoked before the failure. The report says how far it got.
    await afterRotation(services, rotations.engine.load(id));
    throw err;
  } finally {
    port.onProgress = undefined;
  }
  const journal = result.journal;
  if (result.outcome === 'completed') await keepNewPair(services, journal);
  await afterRotation(services, journal);
  if (result.outcome === 'waiting') {
    const at = chunk.waitingAt(journal);
    const edit = chunk.resumeOffer(journal).canAbort ? vscode.l10n.t('; change its targets with "Edit Targets of Paused Key Rotation"') : '';
    services.ui.notify(vscode.l10n.t('Rotation {0} is paused at step {1}/{2} "{3}": {4} Resume it from the status bar or with "Langfuse Access: Resume Key Rotation"{5}.', journal.id, at.index, at.total, at.title, pausedBecause(journal), edit));
  }
  return journal;
}

/**
 * After any outcome (completed, paused, failed, rolled back): the report, then the tree and the key
 * index from the server's current keys, so neither shows a revoked key nor calls the new one unknown.
 * The index is rebuilt before the command returns (not on the tree's debounced signal).
 */
async function afterRotation(services: Services, journal: RotationJournal): Promise<void> {
  services.rotationStatus.update();
  services.tree.refresh();
  await services.keyIndex.rebuildAfterChange();
  await showReport(services, journal);
}

function rotationTitle(j: RotationJournal): string {
  return j.oldKey ? vscode.l10n.t('Rotating {0}', shortPublicKey(j.oldKey.publicKey)) : vscode.l10n.t('Creating the key "{0}" of {1}', j.newKeyNote ?? '', j.project.name);
}

/** Why a rotation waits, short enough for a notification: a long list of files is summed up (the report lists them all). */
function pausedBecause(journal: RotationJournal): string {
  const references = journal.evidence?.references ?? [];
  if (journal.waiting?.reason !== 'references' || references.length === 0) return journal.waiting?.message ?? '';
  const roots = workspaceRoots();
  const places = references.map(r => `${displayPath(r.file, roots)}:${r.line}`);
  return vscode.l10n.t('The old public key {0} still appears in {1} place(s): {2} (all of them are in the rotation report). Update them.', shortPublicKey(journal.oldKey?.publicKey ?? ''), references.length, summarizeList(places));
}

async function showReport(services: Services, journal: RotationJournal): Promise<void> {
  const chunk = loadChunk('core');
  const report = chunk.formatRotationReport(chunk.rotationReport(journal));
  services.log.child('Rotation').info(report);
  // The report document holds the full lists (every file still naming the old key); the notification only sums up.
  await services.reports.open({ kind: 'rotation', id: journal.id, title: vscode.l10n.t('Key rotation {0}', journal.id), language: 'markdown',
    render: () => `# Key rotation ${journal.id}\n\n${markdownCodeBlock(relativizePaths(report, workspaceRoots()))}` });
}

/** After a completed rotation the new pair is kept as a stored project key; the old one is forgotten. */
async function keepNewPair(services: Services, journal: RotationJournal): Promise<void> {
  const pair = services.port().pendingSecrets.newPairs.get(journal.id);
  if (!pair || !journal.newKey) return;
  const stored: StoredProjectKey = { publicKey: pair.publicKey, secretKey: pair.secretKey, baseUrl: journal.connection.baseUrl, projectId: journal.project.id ?? '', projectName: journal.project.name, note: journal.newKey.note ?? null, createdAt: journal.newKey.createdAt };
  await services.context.secrets.store(SecretKeys.projectKey(pair.publicKey), JSON.stringify(stored));
  await rememberStoredKey(services.context, { publicKey: pair.publicKey, projectId: stored.projectId, projectName: stored.projectName, note: stored.note, baseUrl: stored.baseUrl });
  if (!journal.oldKey) return;
  await services.context.secrets.delete(SecretKeys.projectKey(journal.oldKey.publicKey));
  await forgetStoredKey(services.context, journal.oldKey.publicKey);
}

export async function pickJournal(services: Services, id: string | undefined, verb: 'Resume' | 'Abort' | 'Edit'): Promise<RotationJournal | undefined> {
  const found = services.clients.host().findRotation(id);
  if ('journal' in found) return verb === 'Abort' && !id ? choose(services, [found.journal], verb) : found.journal;
  if ('choose' in found) return choose(services, found.choose, verb);
  services.ui.notify(found.none); // nothing unfinished: say so, never an empty picker
  return undefined;
}

async function choose(services: Services, journals: RotationJournal[], verb: string): Promise<RotationJournal | undefined> {
  return (await services.ui.pick(journals.map(j => ({ label: vscode.l10n.t('{0} · {1}', j.oldKey ? shortPublicKey(j.oldKey.publicKey) : loadChunk('core').rotationSubject(j), j.project.name), description: vscode.l10n.t('{0}, at {1}', j.mode, j.step), journal: j })), { title: vscode.l10n.t('{0} which rotation?', verb) }))?.journal;
}

export async function resumeRotation(services: Services, id?: string): Promise<RotationJournal | undefined> {
  if (await refusedInRestrictedMode(services)) return undefined;
  const journal = await pickJournal(services, id, 'Resume');
  if (!journal) return undefined;
  const rotations = await (await services.clients.session(journal.connection.id!)).rotations();
  try {
    return await driveRotation(services, rotations, journal.id);
  } finally {
    rotations.close();
  }
}

export async function abortRotation(services: Services, id?: string): Promise<RotationJournal | undefined> {
  if (await refusedInRestrictedMode(services)) return undefined;
  const journal = await pickJournal(services, id, 'Abort');
  if (!journal) return undefined;
  const rotations = await (await services.clients.session(journal.connection.id!)).rotations();
  try {
    const result = await rotations.abort(journal);
    if (!result) return undefined;
    // A rolled-back rotation (or one whose rollback is not finished) ends saying what changed.
    services.ui.done(loadChunk('core').rollbackDone(result.journal));
    await afterRotation(services, result.journal);
    return result.journal;
  } catch (err) {
    await afterRotation(services, rotations.engine.load(journal.id));
    throw err;
  } finally {
    rotations.close();
  }
}
