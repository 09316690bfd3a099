import type { DeploymentFix, InsertPoint, TextRange } from '../types';

export function insertFix(at: InsertPoint, variable: string, value: string): DeploymentFix {
  return { kind: 'insertVariable', title: `Add ${variable}=${value}`, at, variable, value };
}

export function replaceFix(title: string, file: string, range: TextRange, newText: string): DeploymentFix {
  return { kind: 'replaceText', title, file, range, newText };
}
