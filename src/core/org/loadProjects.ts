import { l10n } from '../l10n/l10n';
import { progressCounter, throwIfCancelled, type Work } from '../flow/work';
import type { OrganizationOverview, OrganizationModel, ProjectDetails } from './organizationModel';

/**
 * The overview and every project's details (roles and keys), reporting one step per project loaded;
 * with `work.signal` aborted no further request goes out and this rejects with CancelledError.
 */
export async function loadAllProjects(model: OrganizationModel, work: Work = {}): Promise<{ overview: OrganizationOverview; details: Map<string, ProjectDetails> }> {
  const { signal, onProgress } = work;
  onProgress?.({ message: l10n.t('organization') });
  const overview = await model.overview(signal);
  const projects = overview.projects ?? [];
  const step = progressCounter(projects.length, onProgress, (done, total) => l10n.t('projects {0} of {1}', done, total));
  const details = new Map(await Promise.all(projects.map(async p => {
    const d = await model.project(p.id, signal);
    step();
    return [p.id, d] as const;
  })));
  throwIfCancelled(signal);
  return { overview, details };
}
