// Rotation errors. Messages say what happened and what to do; they never hold a secret.
import { l10n } from '../l10n/l10n';
import { redactText } from '../log/redact';

export class RotationError extends Error {
  constructor(readonly code: 'busy' | 'state' | 'input' | 'failed', message: string, options?: { cause?: unknown }) {
    super(redactText(message), options);
    this.name = new.target.name;
  }
}

/** The key is being rotated elsewhere: a live process holds its lock, or an unfinished rotation exists. */
export class RotationBusyError extends RotationError {
  constructor(readonly holder: { tool: string; pid?: number; rotationId?: string }, message: string) {
    super('busy', message);
  }
}

/** The rotation is not in a state that allows this (abort after revoke, resume a finished one, another tool's rotation). */
export class RotationStateError extends RotationError {
  constructor(message: string) { super('state', message); }
}

/** The plan or a pasted pair is wrong (unknown project or key, pair of another project, target holding another key). */
export class RotationInputError extends RotationError {
  constructor(message: string) { super('input', message); }
}

export function toolLabel(tool: string): string {
  switch (tool) {
    case 'cli': return l10n.t('the langfuse-access CLI');
    case 'extension': return l10n.t('the VS Code extension');
    case 'test': return l10n.t('a test run');
    default: return tool;
  }
}
