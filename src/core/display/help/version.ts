import type { CommandHelp } from '../cliHelp';
import { l10n } from '../../l10n/l10n';

export const versionHelp = (): CommandHelp => ({
  description: l10n.t('Prints the version of langfuse-access (the same as --version).'),
  options: [],
  examples: [{ command: 'version', description: l10n.t('e.g. 0.1.0') }],
  exitCodes: { 0: l10n.t('always'), 1: l10n.t('never'), 2: l10n.t('never') },
});
