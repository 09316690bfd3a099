// Every target is checked before the new key exists: it can be read (so its credentials and endpoint
// work), it holds the key being rotated or no key at all, and a file target can be written. A target
// found wrong only at the push step would leave a created key behind with Abort as the only way out.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { parseSinkTarget } from '../secrets/spec';
import type { SecretSink } from '../secrets/types';
import { RotationInputError } from './errors';
import { sinksFor } from './targets';

/** One or more targets cannot take the new pair; nothing was created or written. */
export class RotationTargetError extends RotationInputError {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1
      ? l10n.t('Nothing was created: a target cannot take the new key pair. {0} Leave it out of this rotation, or fix it first.', problems[0])
      : l10n.t('Nothing was created: {0} targets cannot take the new key pair. {1} Leave them out of this rotation, or fix them first.', problems.length, problems.join(' ')));
  }
}

/**
 * Throws RotationTargetError naming every target that cannot take the new pair. `newPublicKey`: a
 * target added to a running rotation may already hold the new key.
 */
export async function checkTargets(targets: readonly string[], oldPublicKey: string | undefined, sinkFor: (target: string) => SecretSink, newPublicKey?: string): Promise<void> {
  const problems: string[] = [];
  const bound = sinksFor(sinkFor, { old: oldPublicKey, next: newPublicKey });
  for (const target of targets) {
    const problem = await targetProblem(target, [...(oldPublicKey ? [oldPublicKey] : []), ...(newPublicKey ? [newPublicKey] : [])], bound);
    if (problem) problems.push(problem);
  }
  if (problems.length) throw new RotationTargetError(problems);
}

async function targetProblem(target: string, accepted: readonly string[], sinkFor: (target: string) => SecretSink): Promise<string | undefined> {
  let held: string | undefined;
  try {
    held = (await sinkFor(target).read()).publicKey;
  } catch (err) {
    return `${target} cannot be read (${err instanceof Error ? err.message : String(err)}).`;
  }
  if (held && !accepted.includes(held)) return `${target} holds another key, ${held}, not the key being rotated (${accepted[0]}).`;
  const spec = parseSinkTarget(target);
  return spec.kind === 'env' || spec.kind === 'access' ? fileNotWritable(target, spec.path) : undefined;
}

/** A file target is replaced by a temp file and a rename in its folder: both must be writable. */
function fileNotWritable(target: string, file: string): string | undefined {
  const dir = path.dirname(file);
  try {
    if (!fs.statSync(dir).isDirectory()) return `${target} cannot be written: ${dir} is not a folder.`;
  } catch {
    return `${target} cannot be written: the folder ${dir} does not exist.`;
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
  } catch {
    return `${target} cannot be written (no write permission).`;
  }
  return undefined;
}
