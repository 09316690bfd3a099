import * as vscode from 'vscode';
import { formatAge, keyAgeDays } from '../../core/keys/keyHealth';
import type { StoredProjectKey } from '../../core/keys/storedKey';
import { parseStoredProjectKey } from '../../core/keys/storedKey';
import type { RotationCallbacks, RotationJournal, RotationMode, RunResult } from '../../core/rotation/index';
import { shortPublicKey } from '../../core/log/redact';
import { SecretKeys } from '../../core/names';
import { forgetStoredKey, rememberStoredKey } from '../keys/storedKeyList';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { MultiStepInput, type Step } from '../ui/multiStepInput';
import { rotationEngineFor, type ExtensionRotation } from './rotationService';

interface WizardState {
  connectionId?: string;
  project?: { id: string; name: string };
  oldKey?: { publicKey: string; note: string | null; createdAt: string };
  targets?: string[];
  mode?: RotationMode;
  probeTraces?: boolean;
}

const TITLE = 'Rotate Langfuse API Key';
const TOTAL = 5;

/** A target a user can pick: discovered in the workspace, or typed. */
type TargetItem = vscode.QuickPickItem & { spec?: string; add?: true };

/**
 * The rotation wizard: connection → project → key → targets → mode (multi-step QuickPick with Back),
 * then the shared rotation engine runs with live progress; it stops for the deploy checklist and the
 * revoke confirmation, and a rotation left mid-way (crash, reload, closed window) resumes from its
 * journal. `start` preselects the key when opened from the tree or a .env quick fix.
 */
export async function rotateKeyWizard(services: Services, start: { publicKey?: string; connectionId?: string } = {}): Promise<RotationJournal | undefined> {
  const state: WizardState = {};
  if (start.publicKey) {
    const node = await services.tree.findKey(start.publicKey);
    if (node?.kind === 'projectKey') {
      state.connectionId = node.connectionId;
      state.project = node.project;
      state.oldKey = node.key;
    }
  }
  const connections = services.connections.list();
  if (connections.length === 0) { services.ui.notify('Add a Langfuse connection first.'); return undefined; }
  state.connectionId ??= start.connectionId ?? (connections.length === 1 ? connections[0].id : undefined);

  const pickConnection: Step<WizardState> = async (input, s) => {
    const items = connections.map(c => ({ label: c.name, description: c.baseUrl, id: c.id }));
    s.connectionId = (await input.pick({ title: TITLE, step: 1, totalSteps: TOTAL, placeholder: 'Which Langfuse connection?', items, activeItem: items.find(i => i.id === s.connectionId) })).id;
    return pickProject;
  };
  const pickProject: Step<WizardState> = async (input, s) => {
    const { model } = await services.clients.get(s.connectionId!);
    const overview = await model.overview();
    const projects = overview.projects ?? (overview.capabilities.project ? [overview.capabilities.project] : []);
    if (projects.length === 0) throw new Error('This connection shows no project to rotate a key in.');
    const items = projects.map(p => ({ label: p.name, description: p.id, project: { id: p.id, name: p.name } }));
    s.project = (await input.pick({ title: TITLE, step: 2, totalSteps: TOTAL, placeholder: 'Which project\'s key?', items, activeItem: items.find(i => i.project.id === s.project?.id) })).project;
    return pickKey;
  };
  const pickKey: Step<WizardState> = async (input, s) => {
    const { model } = await services.clients.get(s.connectionId!);
    const overview = await model.overview();
    let keys: { publicKey: string; note: string | null; createdAt: string }[] = [];
    if (overview.projects) keys = (await model.project(s.project!.id)).apiKeys;
    if (keys.length === 0) {
      // Manual mode (project key or no admin API): the key cannot be listed, so it is typed.
      const publicKey = await input.text({ title: TITLE, step: 3, totalSteps: TOTAL, prompt: `Public key (pk-lf-…) of the ${s.project!.name} key to rotate`, value: s.oldKey?.publicKey,
        validate: v => /^pk-lf-[A-Za-z0-9_-]+$/.test(v.trim()) ? undefined : 'A Langfuse public key starts with pk-lf-.' });
      s.oldKey = { publicKey: publicKey.trim(), note: null, createdAt: '' };
      return pickTargets;
    }
    const now = new Date();
    const items = keys.map(k => ({ label: shortPublicKey(k.publicKey), description: `${k.note ?? 'no note'} · created ${k.createdAt.slice(0, 10)} · ${formatAge(keyAgeDays(k.createdAt, now))}`, key: k }));
    s.oldKey = (await input.pick({ title: TITLE, step: 3, totalSteps: TOTAL, placeholder: 'Which key to rotate?', items, activeItem: items.find(i => i.key.publicKey === s.oldKey?.publicKey) })).key;
    return pickTargets;
  };
  const pickTargets: Step<WizardState> = async (input, s) => {
    const chunk = loadChunk('rotation');
    const roots = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
    const discovered = new Set(chunk.discoverEnvTargets(roots, s.oldKey!.publicKey));
    const items: TargetItem[] = [...new Set([...discovered, ...(s.targets ?? [])])].map(spec => spec.startsWith('env:')
      ? { label: `$(file) ${vscode.workspace.asRelativePath(spec.slice(4))}`, description: discovered.has(spec) ? 'holds the old public key' : undefined, spec }
      : { label: spec, spec });
    items.push({ label: '$(add) Add a target…', description: `${chunk.SINK_SPEC_HELP}`, add: true });
    const chosen = await input.pickMany({ title: TITLE, step: 4, totalSteps: TOTAL, placeholder: 'Where should the new key pair go? (it is also kept in SecretStorage)', items,
      selected: items.filter(i => i.spec && (s.targets ?? [...discovered]).includes(i.spec)) });
    if (chosen.some(c => c.add)) {
      const spec = (await input.text({ title: TITLE, step: 4, totalSteps: TOTAL, prompt: `A target: ${chunk.SINK_SPEC_HELP}`, placeholder: 'aws-sm:acme/langfuse/production',
        validate: v => { try { chunk.parseSinkTarget(v.trim(), roots[0]); return undefined; } catch (e) { return (e as Error).message; } } })).trim();
      s.targets = [...new Set([...chosen.filter(c => c.spec).map(c => c.spec!), chunk.formatSinkTarget(chunk.parseSinkTarget(spec, roots[0]))])];
      return pickTargets;
    }
    s.targets = chosen.map(c => c.spec!);
    return pickMode;
  };
  const pickMode: Step<WizardState> = async (input, s) => {
    const overview = await (await services.clients.get(s.connectionId!)).model.overview();
    const adminApi = overview.capabilities.keyKind === 'organization' && !!overview.capabilities.adminApi;
    const items: (vscode.QuickPickItem & { mode: RotationMode })[] = adminApi ? [
      { label: 'Normal rotation', detail: 'Create → store → push → verify → check nothing uses the old key → you confirm → revoke the old key.', mode: 'normal' },
      { label: '$(warning) Compromised key', detail: 'Create → store → push → verify, then revoke the old key at once: services still on it fail immediately.', mode: 'compromised' },
    ] : [
      { label: 'Guided manual rotation', detail: 'This connection cannot create keys (no admin API): you create the new pair in the Langfuse UI and paste it; the wizard pushes, verifies and checks, you delete the old key in the UI.', mode: 'manual' },
    ];
    s.mode = (await input.pick({ title: TITLE, step: 5, totalSteps: TOTAL, placeholder: 'How?', items })).mode;
  };

  const first = !state.connectionId ? pickConnection : !state.project ? pickProject : !state.oldKey ? pickKey : pickTargets;
  if (await MultiStepInput.run(first, state, services.ui.steps) === 'cancelled') return undefined;
  return startRotation(services, state as Required<WizardState>);
}

async function startRotation(services: Services, s: Required<WizardState>): Promise<RotationJournal | undefined> {
  const connection = services.connections.get(s.connectionId)!;
  const summary = loadChunk('rotation').rotationConfirmation({ oldPublicKey: s.oldKey.publicKey, project: s.project.name, mode: s.mode, targets: s.targets });
  if (!await services.ui.confirm(summary, s.mode === 'compromised' ? 'Rotate Now' : 'Start Rotation')) return undefined;
  const stored = parseStoredProjectKey(await services.context.secrets.get(SecretKeys.projectKey(s.oldKey.publicKey)));
  const rotation = await rotationEngineFor(services, s.connectionId);
  const { engine } = rotation;
  const roots = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
  const journal = await engine.start({
    mode: s.mode,
    connection: { id: connection.id, name: connection.name, baseUrl: connection.baseUrl },
    project: s.project,
    oldPublicKey: s.oldKey.publicKey,
    targets: s.targets,
    scanPaths: roots,
    probeTraces: s.probeTraces ?? false,
    workspaceTrusted: vscode.workspace.isTrusted,
    oldSecretKey: stored?.secretKey,
  }, callbacks(services, () => undefined));
  return driveRotation(services, rotation, journal.id);
}

/** Runs (or resumes) a rotation with progress, stopping where a person must answer. */
export async function driveRotation(services: Services, rotation: ExtensionRotation, id: string): Promise<RotationJournal> {
  const chunk = loadChunk('rotation');
  const { engine } = rotation;
  let result: RunResult | undefined;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Rotating ${shortPublicKey(engine.load(id).oldKey.publicKey)}`, cancellable: false },
      progress => engine.run(id, callbacks(services, (message, increment) => progress.report({ message, increment }))));
  } finally {
    engine.close();
  }
  const journal = result.journal;
  if (result.outcome === 'completed') await keepNewPair(services, rotation, journal);
  const report = chunk.formatRotationReport(chunk.rotationReport(journal));
  services.log.child('Rotation').info(report);
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# Key rotation ${journal.id}\n\n\`\`\`text\n${report}\n\`\`\`\n` });
  await vscode.window.showTextDocument(doc, { preview: true });
  if (result.outcome === 'waiting') {
    services.ui.notify(`Rotation ${journal.id} is paused at "${chunk.STEP_TITLES[journal.step] ?? journal.step}": ${journal.waiting?.message ?? ''} Resume it with "Langfuse Access: Resume Key Rotation".`);
  }
  services.tree.refresh();
  return journal;
}

function callbacks(services: Services, report: (message: string, increment?: number) => void): RotationCallbacks {
  return {
    onEvent: event => {
      if (event.kind === 'step') report(`${event.index}/${event.total} ${event.title}: ${event.message}`, 100 / event.total);
      else report(event.message);
      services.log.child('Rotation').info(event.message);
    },
    confirmChecklist: request => services.ui.confirm(
      `Before the old key ${shortPublicKey(request.oldPublicKey)} of ${request.project} is revoked, confirm the deploy checklist:\n\n${request.items.map(i => `• ${i}`).join('\n')}`,
      'All Done: Continue'),
    confirmRevoke: request => services.ui.confirm(
      [request.warning, request.manualInstructions, request.question].filter(Boolean).join('\n\n'),
      request.mode === 'manual' ? 'I Deleted It' : `Revoke ${shortPublicKey(request.oldPublicKey)} in ${request.project}`),
    provideNewPair: async request => {
      const publicKey = await services.ui.input({ title: `New key pair for ${request.project}`, prompt: `${request.instructions} Then paste the public key.`, placeHolder: 'pk-lf-…',
        validateInput: v => /^pk-lf-[A-Za-z0-9_-]+$/.test(v.trim()) ? undefined : 'A Langfuse public key starts with pk-lf-.' });
      if (!publicKey) return undefined;
      const secretKey = await services.ui.input({ title: `New key pair for ${request.project}`, prompt: `The secret key of ${shortPublicKey(publicKey.trim())} (shown once by Langfuse; stored only in SecretStorage).`, password: true,
        validateInput: v => /^sk-lf-[A-Za-z0-9_-]+$/.test(v.trim()) ? undefined : 'A Langfuse secret key starts with sk-lf-.' });
      return secretKey ? { publicKey: publicKey.trim(), secretKey: secretKey.trim() } : undefined;
    },
    confirmForeignHost: request => services.ui.confirm(request.question, `Write to ${request.foreignHosts.map(h => h.host).join(', ')}`),
  };
}

/** After a completed rotation the new pair is kept as a stored project key; the old one is forgotten. */
async function keepNewPair(services: Services, rotation: ExtensionRotation, journal: RotationJournal): Promise<void> {
  const pair = rotation.newPairOf(journal.id);
  if (!pair || !journal.newKey) return;
  const stored: StoredProjectKey = { publicKey: pair.publicKey, secretKey: pair.secretKey, baseUrl: journal.connection.baseUrl, projectId: journal.project.id ?? '', projectName: journal.project.name, note: journal.newKey.note ?? null, createdAt: journal.newKey.createdAt };
  await services.context.secrets.store(SecretKeys.projectKey(pair.publicKey), JSON.stringify(stored));
  await rememberStoredKey(services.context, { publicKey: pair.publicKey, projectId: stored.projectId, projectName: stored.projectName, note: stored.note, baseUrl: stored.baseUrl });
  await services.context.secrets.delete(SecretKeys.projectKey(journal.oldKey.publicKey));
  await forgetStoredKey(services.context, journal.oldKey.publicKey);
}

/** Resumes this window's unfinished rotations, asking first ("Resume rotation of pk-lf-…abcd at step 4?"). */
export async function offerResume(services: Services): Promise<void> {
  const { engine } = await rotationEngineFor(services);
  const chunk = loadChunk('rotation');
  for (const journal of engine.resumable()) {
    const order = chunk.stepsFor(journal.mode);
    const choice = await vscode.window.showWarningMessage(
      `Resume rotation of ${shortPublicKey(journal.oldKey.publicKey)} (${journal.project.name}) at step ${order.indexOf(journal.step) + 1} of ${order.length}, "${chunk.STEP_TITLES[journal.step]}"? Its new secret is safe in SecretStorage.`,
      'Resume', 'Abort and Roll Back', 'Later');
    if (choice === 'Resume') await resumeRotation(services, journal.id);
    if (choice === 'Abort and Roll Back') await abortRotation(services, journal.id);
  }
  engine.close();
}

export async function resumeRotation(services: Services, id?: string): Promise<RotationJournal | undefined> {
  const probe = await rotationEngineFor(services);
  const candidates = probe.engine.resumable();
  probe.engine.close();
  const journal = id ? candidates.find(j => j.id === id) : candidates.length === 1 ? candidates[0]
    : (await services.ui.pick(candidates.map(j => ({ label: `${shortPublicKey(j.oldKey.publicKey)} · ${j.project.name}`, description: `${j.mode}, at ${j.step}`, journal: j })), { title: 'Resume which rotation?' }))?.journal;
  if (!journal) { if (candidates.length === 0) services.ui.notify('No unfinished rotation of this window to resume (the CLI\'s are resumed with "langfuse-access rotate --resume").'); return undefined; }
  return driveRotation(services, await rotationEngineFor(services, journal.connection.id), journal.id);
}

export async function abortRotation(services: Services, id?: string): Promise<RotationJournal | undefined> {
  const probe = await rotationEngineFor(services);
  const candidates = probe.engine.resumable();
  probe.engine.close();
  const journal = id ? candidates.find(j => j.id === id)
    : (await services.ui.pick(candidates.map(j => ({ label: `${shortPublicKey(j.oldKey.publicKey)} · ${j.project.name}`, description: `${j.mode}, at ${j.step}`, journal: j })), { title: 'Abort which rotation?' }))?.journal;
  if (!journal) return undefined;
  if (!await services.ui.confirm(`Abort rotation ${journal.id}? Every target gets back what it held before and the new key ${journal.newKey ? shortPublicKey(journal.newKey.publicKey) : ''} is deleted.`, 'Abort and Roll Back')) return undefined;
  const { engine } = await rotationEngineFor(services, journal.connection.id);
  try {
    const result = await engine.abort(journal.id, callbacks(services, () => undefined));
    services.tree.refresh();
    return result.journal;
  } finally {
    engine.close();
  }
}
