import * as vscode from 'vscode';
import { keyChoices, modeChoices, probeChoice, projectChoices, publicKeyProblem, targetChoices } from '../../core/rotation/choices';
import type { RotationJournal, RotationMode } from '../../core/rotation/index';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { pickWhenLoaded } from '../../core/flow/driver';
import { MultiStepInput, type Step } from '../ui/multiStepInput';
import { refusedInRestrictedMode, startRotation } from './rotationRuns';

const TITLE = vscode.l10n.t('Rotate Langfuse API Key');
/** Thrown by the key picker's load when the project lists no key: the key is typed instead. */
const NO_KEYS = new Error('no keys listed');
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
  /** Read tracing data arriving with the new key as evidence (off unless asked; never blocks a rotation). */
  probeTraces?: boolean;
};

export async function rotateKeyWizard(services: Services, start: { publicKey?: string; connectionId?: string } = {}): Promise<RotationJournal | undefined> {
  if (await refusedInRestrictedMode(services)) return undefined;
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
  if (connections.length === 0) { services.ui.notify(vscode.l10n.t('Add a Langfuse connection first.')); return undefined; }
  state.connectionId ??= start.connectionId ?? (connections.length === 1 ? connections[0].id : undefined);

  const pickConnection: Step<WizardState> = async (input, s) => {
    const items = connections.map(c => ({ label: c.name, description: c.baseUrl, id: c.id }));
    s.connectionId = (await input.pick({ title: TITLE, step: 1, totalSteps: TOTAL, placeholder: vscode.l10n.t('Which Langfuse connection?'), items, activeItem: items.find(i => i.id === s.connectionId) })).id;
    return pickProject;
  };
  // The project and key pickers open at once, busy, and fill when the organization answers (ui/multiStepInput.ts).
  const pickProject: Step<WizardState> = async (input, s) => {
    s.project = (await pickWhenLoaded(input, { title: TITLE, step: 2, totalSteps: TOTAL, placeholder: vscode.l10n.t('Which project\'s key?'), load: async signal => {
      const items = projectChoices(await (await services.clients.get(s.connectionId!)).model.overview(signal));
      return { items, active: items.find(i => i.value.id === s.project?.id) };
    } })).value;
    return pickKey;
  };
  const pickKey: Step<WizardState> = async (input, s) => {
    const { model } = await services.clients.get(s.connectionId!);
    const listed = (await model.overview()).projects !== undefined;
    const keys = listed ? await pickWhenLoaded(input, { title: TITLE, step: 3, totalSteps: TOTAL, placeholder: vscode.l10n.t('Which key to rotate?'), load: async signal => {
      const items = keyChoices((await model.project(s.project!.id, signal)).apiKeys, new Date());
      if (items.length === 0) throw NO_KEYS;
      return { items, active: items.find(i => i.value.publicKey === s.oldKey?.publicKey) };
    } }).catch(err => { if (err === NO_KEYS) return undefined; throw err; }) : undefined;
    if (keys) {
      s.oldKey = keys.value;
      return pickTargets;
    }
    // Manual mode (project key or no admin API), or a project whose keys Langfuse does not list: the key is typed.
    const publicKey = await input.text({ title: TITLE, step: 3, totalSteps: TOTAL, prompt: vscode.l10n.t('Public key (pk-lf-…) of the {0} key to rotate', s.project!.name), value: s.oldKey?.publicKey,
      validate: publicKeyProblem });
    s.oldKey = { publicKey: publicKey.trim(), note: null, createdAt: '' };
    return pickTargets;
  };
  const pickTargets: Step<WizardState> = async (input, s) => {
    const chunk = loadChunk('core');
    const roots = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
    const choices = targetChoices(chunk.discoverTargets(roots, s.oldKey!.publicKey), s.targets, f => vscode.workspace.asRelativePath(f));
    const items: TargetItem[] = choices.map(c => ({ label: c.label, description: c.description, spec: c.value }));
    items.push({ label: vscode.l10n.t('$(add) Add a target…'), description: chunk.sinkSpecHelp(), add: true });
    const chosen = await input.pickMany({ title: TITLE, step: 4, totalSteps: TOTAL, placeholder: vscode.l10n.t('Where should the new key pair go? (it is also kept in SecretStorage)'), items,
      selected: items.filter((_, i) => choices[i]?.picked) });
    if (chosen.some(c => c.add)) {
      const spec = (await input.text({ title: TITLE, step: 4, totalSteps: TOTAL, prompt: vscode.l10n.t('A target: {0}', chunk.sinkSpecHelp()), placeholder: 'aws-sm:acme/langfuse/production',
        validate: v => { try { chunk.parseSinkTarget(v.trim(), roots[0]); return undefined; } catch (e) { return (e as Error).message; } } })).trim();
      s.targets = [...new Set([...chosen.filter(c => c.spec).map(c => c.spec!), chunk.formatSinkTarget(chunk.parseSinkTarget(spec, roots[0]))])];
      return pickTargets;
    }
    s.targets = chosen.map(c => c.spec!);
    return pickMode;
  };
  const pickMode: Step<WizardState> = async (input, s) => {
    // The trace probe is an explicit choice, off unless ticked here: choosing it shows this step again.
    const probe = probeChoice(s.probeTraces ?? false);
    const items = [...modeChoices(await (await services.clients.get(s.connectionId!)).model.overview()), { label: '', kind: vscode.QuickPickItemKind.Separator, value: undefined }, probe];
    const chosen = (await input.pick({ title: TITLE, step: 5, totalSteps: TOTAL, placeholder: s.probeTraces ? vscode.l10n.t('How? (trace probe on)') : vscode.l10n.t('How? (trace probe off)'), items })).value;
    if (chosen === 'toggle-probe') { s.probeTraces = !s.probeTraces; return pickMode; }
    if (!chosen) return pickMode;
    s.mode = chosen;
  };

  const first = !state.connectionId ? pickConnection : !state.project ? pickProject : !state.oldKey ? pickKey : pickTargets;
  if (await MultiStepInput.run(first, state, services.ui.steps) === 'cancelled') return undefined;
  return startRotation(services, state as Required<WizardState>);
}

