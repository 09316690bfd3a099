import * as vscode from 'vscode';
import { redactText } from '../../core/log/redact';
import { StateKeys } from '../../core/names';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { notification } from '../ui/notifications';
import { abortRotation, resumeRotation } from './rotationRuns';

/**
 * On start-up, one notice for this window's unfinished rotations in core's words (resumeNotice): a
 * rotation past the revoke is offered only Resume, never "Abort and Roll Back". "Later" asks again at the
 * next start; "Don't Ask…" stops the reminder for those rotations. What goes wrong afterwards is shown.
 */
export async function offerResume(services: Services): Promise<void> {
  const chunk = loadChunk('core');
  const C = chunk.RESUME_CHOICES;
  services.rotationStatus.update();
  if (chunk.restrictedModeRotationRefusal(services.port().workspaceTrusted())) return; // the status bar item shows it; the commands would refuse
  const notAsked = new Set(services.context.globalState.get<string[]>(StateKeys.resumeNotAsked) ?? []);
  const journals = services.clients.host().resumableRotations().filter(j => !notAsked.has(j.id));
  const notice = chunk.resumeNotice(journals, services.port().pendingSecrets.describe());
  if (!notice) return;
  const choice = await notification('warning', notice.message, ...notice.choices);
  try {
    if (choice === C.resume || choice === C.resumeWhich) await resumeRotation(services, journals.length === 1 ? journals[0].id : undefined);
    if (choice === C.abort || choice === C.finishRollback) await abortRotation(services, journals[0].id);
    if (choice === C.dontAsk || choice === C.dontAskAny) {
      await services.context.globalState.update(StateKeys.resumeNotAsked, [...notAsked, ...journals.map(j => j.id)]);
      services.ui.done(vscode.l10n.t('No more reminders for these rotations: "Langfuse Access: Resume Key Rotation" still finds them.'));
    }
  } catch (err) {
    services.log.error('Unfinished rotation:', err);
    services.ui.failed(redactText(err instanceof Error ? err.message : String(err)), () => services.channel.show(), err);
  }
}
