import { redactText } from '../../core/log/redact';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { notification } from '../ui/notifications';
import { abortRotation, resumeRotation } from './rotationRuns';

/**
 * On start-up, offers to finish this window's unfinished rotations in core's words (resumeOffer): a
 * rotation past the revoke is offered only Resume — never "Abort and Roll Back" — and says what resuming
 * still does. What goes wrong afterwards is shown, not only logged.
 */
export async function offerResume(services: Services): Promise<void> {
  const chunk = loadChunk('core');
  services.rotationStatus.update();
  if (chunk.restrictedModeRotationRefusal(services.port().workspaceTrusted())) return; // the status bar item shows it; the commands would refuse
  for (const journal of services.clients.host().resumableRotations()) {
    const offer = chunk.resumeOffer(journal);
    const safe = `Its new secret is safe in ${services.port().pendingSecrets.describe()}.`;
    const message = offer.pastPointOfNoReturn
      ? `${offer.question} The old key's revoke has started, so it can only be finished: resuming will ${offer.resumeDoes}. ${safe}`
      : `${offer.question} ${safe}`;
    const buttons = offer.rollingBack ? ['Finish Rollback', 'Later'] as const : offer.canAbort ? ['Resume', 'Abort and Roll Back', 'Later'] as const : ['Resume', 'Later'] as const;
    const choice: string | undefined = await notification('warning', message, ...buttons);
    try {
      if (choice === 'Resume') await resumeRotation(services, journal.id);
      if (choice === 'Abort and Roll Back' || choice === 'Finish Rollback') await abortRotation(services, journal.id);
    } catch (err) {
      services.log.error(`Rotation ${journal.id}:`, err);
      services.ui.failed(redactText(err instanceof Error ? err.message : String(err)), () => services.channel.show(), err);
    }
  }
}
