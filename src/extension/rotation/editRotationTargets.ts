import * as vscode from 'vscode';
import { targetChoices } from '../../core/rotation/choices';
import type { RotationJournal } from '../../core/rotation/index';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { MultiStepInput, type Step } from '../ui/multiStepInput';
import { driveRotation, pickJournal, refusedInRestrictedMode } from './rotationRuns';

const title = () => vscode.l10n.t('Edit Targets of Paused Key Rotation');

/**
 * A paused rotation, before its revoke, can change its targets: ticked ones stay, unticked ones get
 * back what they held before, new ones are checked like at the start. The rotation then resumes.
 */
export async function editRotationTargets(services: Services, id?: string): Promise<RotationJournal | undefined> {
  if (await refusedInRestrictedMode(services)) return undefined;
  const journal = await pickJournal(services, id, 'Edit');
  if (!journal) return undefined;
  const chunk = loadChunk('core');
  const offer = chunk.resumeOffer(journal);
  if (!offer.canAbort) {
    await services.ui.refuse(offer.whyNoEdit ?? vscode.l10n.t('Rotation {0} is {1}: its targets can no longer change.', journal.id, journal.status));
    return undefined;
  }
  const roots = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
  const state: { targets: string[] } = { targets: journal.targets.map(t => t.target) };
  const discovered = chunk.discoverTargets(roots, journal.oldKey?.publicKey ?? journal.newKey?.publicKey ?? '');
  const pick: Step<{ targets: string[] }> = async (input, s) => {
    const choices = targetChoices(discovered, s.targets, f => vscode.workspace.asRelativePath(f));
    const items: (vscode.QuickPickItem & { spec?: string; add?: true })[] = choices.map(c => ({ label: c.label, description: c.description, spec: c.value }));
    items.push({ label: vscode.l10n.t('$(add) Add a target…'), description: chunk.sinkSpecHelp(), add: true });
    const chosen = await input.pickMany({ title: title(), step: 1, totalSteps: 1, placeholder: vscode.l10n.t('Untick a target to give it back what it held before; tick or add the ones that should get the new pair'), items,
      selected: items.filter(i => i.spec && s.targets.includes(i.spec)) });
    const kept = chosen.filter(c => c.spec).map(c => c.spec!);
    if (chosen.some(c => c.add)) {
      const spec = (await input.text({ title: title(), step: 1, totalSteps: 1, prompt: vscode.l10n.t('A target: {0}', chunk.sinkSpecHelp()), placeholder: 'aws-sm:acme/langfuse/production',
        validate: v => { try { chunk.parseSinkTarget(v.trim(), roots[0]); return undefined; } catch (e) { return (e as Error).message; } } })).trim();
      s.targets = [...new Set([...kept, chunk.formatSinkTarget(chunk.parseSinkTarget(spec, roots[0]))])];
      return pick;
    }
    s.targets = kept;
    return undefined;
  };
  if (await MultiStepInput.run(pick, state, services.ui.steps) === 'cancelled') return undefined;
  const rotations = await (await services.clients.session(journal.connection.id!)).rotations();
  try {
    await rotations.editTargets(journal, state.targets);
    return await driveRotation(services, rotations, journal.id);
  } finally {
    rotations.close();
  }
}
