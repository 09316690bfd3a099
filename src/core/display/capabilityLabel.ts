// The brief capabilities of src/core/langfuse/roles.ts are ids as well (BRIEF_MATRIX is keyed by them):
// they are translated only where a table shows them as column names.
import { l10n } from '../l10n/l10n';
import type { BriefCapability } from '../langfuse/roles';

export function briefCapabilityLabel(capability: BriefCapability): string {
  switch (capability) {
    case 'View traces': return l10n.t('View traces');
    case 'Create traces': return l10n.t('Create traces');
    case 'Manage prompts': return l10n.t('Manage prompts');
    case 'Manage members': return l10n.t('Manage members');
    case 'Manage billing': return l10n.t('Manage billing');
  }
}
