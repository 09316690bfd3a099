import type { DeploymentFix, InsertPoint, TextRange } from '../types';
import { l10n } from '../../l10n/l10n';

export function insertFix(at: InsertPoint, variable: string, value: string): DeploymentFix {
  return { kind: 'insertVariable', title: l10n.t('Add {0}={1}', variable, value), at, variable, value };
}

export function replaceFix(title: string, file: string, range: TextRange, newText: string): DeploymentFix {
  return { kind: 'replaceText', title, file, range, newText };
}
