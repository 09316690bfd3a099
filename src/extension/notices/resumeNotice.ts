import * as vscode from 'vscode';
import { ContextKeys, StateKeys } from '../../core/names';
import { loadChunk } from '../lazy';
import { abortRotation, resumeRotation } from '../rotation/rotationRuns';
import type { Services } from '../services';
import { notification } from '../ui/notifications';

/**
 * On start-up, one notice for this machine's unfinished rotations (core/actions/rotationWords.ts), minus
 * those the user asked not to be reminded of. "Later" asks again at the next start.
 */
export async function offerResume(services: Services): Promise<void> {
  const { RESUME_CHOICES: C, resumeNotice } = loadChunk('core');
  const notAsked = new Set(services.context.globalState.get<string[]>(StateKeys.resumeNotAsked) ?? []);
  const journals = services.clients.host().resumableRotations().filter(j => !notAsked.has(j.id));
  const notice = resumeNotice(journals, services.port().pendingSecrets.describe());
  if (!notice) return;
  const choice = await notification('warning', notice.message, ...notice.choices);
  if (choice === C.resume || choice === C.resumeWhich) await resumeRotation(services, journals.length === 1 ? journals[0].id : undefined);
  else if (choice === C.abort) await abortRotation(services, journals[0].id);
  else if (choice === C.dontAsk || choice === C.dontAskAny) {
    await services.context.globalState.update(StateKeys.resumeNotAsked, [...notAsked, ...journals.map(j => j.id)]);
    services.ui.done(vscode.l10n.t('No more reminders for these rotations: "Langfuse Access: Resume Key Rotation" still finds them.'));
  }
}

/** Resume / Abort Key Rotation appear in the palette only while some rotation of this machine is unfinished. */
export function updateRotationContext(services: Services, known?: boolean): Thenable<unknown> {
  const unfinished = known ?? services.clients.host().resumableRotations().length > 0;
  return vscode.commands.executeCommand('setContext', ContextKeys.hasUnfinishedRotations, unfinished);
}

/** A rotation command, with the context key brought up to date once it ends (however it ends). */
export function thenUpdateRotationContext<A extends unknown[], R>(services: Services, command: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => command(...args).finally(() => void updateRotationContext(services));
}
