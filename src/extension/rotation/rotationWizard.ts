import * as vscode from 'vscode';
import { formatAge, keyAgeDays } from '../../core/keys/keyHealth';
import type { RotationJournal, RotationMode } from '../../core/rotation/index';
import { shortPublicKey } from '../../core/log/redact';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { MultiStepInput, type Step } from '../ui/multiStepInput';
import { startRotation } from './rotationRuns';

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
export type WizardState = {
  connectionId?: string;
  project?: { id: string; name: string };
  oldKey?: { publicKey: string; note: string | null; createdAt: string };
  targets?: string[];
  mode?: RotationMode;
};

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
    const chunk = loadChunk('core');
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

