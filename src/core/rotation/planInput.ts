// A rotation plan from what a person named (the CLI's flags, later an access-as-code declaration):
// every missing or unusable part is refused with what to give instead, before anything starts.
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { formatSinkTarget, HEADLESS_SINK_FORMS, headlessSinkKinds, parseSinkTarget, sinkSpecHelp } from '../secrets/spec';
import type { RotationMode } from './steps';
import type { RotationPlan } from './types';

/** Thrown for a missing or unusable part of the request (the CLI prints its usage and exits 2). */
export class PlanInputError extends Error {}

export interface PlanRequest {
  project?: string;
  key?: string;
  targets: string[];
  scan: string[];
  mode: RotationMode;
  probeTraces: boolean;
}

/** Targets an edge outside VS Code can write: everything but `secretstorage`. */
export function headlessSinkHelp(): string {
  return sinkSpecHelp(HEADLESS_SINK_FORMS);
}

/** Checks the request on its own (before a connection is resolved); returns the canonical targets. */
export function checkPlanRequest(request: PlanRequest, cwd: string): string[] {
  if (!request.project) throw new PlanInputError(l10n.t('{0} is required', '--project NAME'));
  if (!request.key) throw new PlanInputError(l10n.t('{0} (the public key to rotate) is required', '--key pk-lf-…'));
  if (request.targets.length === 0) throw new PlanInputError(l10n.t('name at least one {0} ({1})', '--to TARGET', headlessSinkHelp()));
  return request.targets.map(t => {
    const parsed = parseSinkTarget(t, cwd);
    if (parsed.kind === 'secretstorage') {
      throw new PlanInputError(l10n.t('"{0}": secretstorage is VS Code\'s SecretStorage, which only the extension can write. Use the extension\'s rotation wizard for it, or choose {1}.', t, headlessSinkKinds()));
    }
    return formatSinkTarget(parsed);
  });
}

export function rotationPlanFrom(request: PlanRequest, connection: { id?: string; name?: string; baseUrl: string; publicKey: string; secretKey: string }, cwd: string): RotationPlan {
  const targets = checkPlanRequest(request, cwd);
  return {
    mode: request.mode,
    connection: { id: connection.id, name: connection.name, baseUrl: connection.baseUrl },
    project: { name: request.project! },
    oldPublicKey: request.key!,
    targets,
    scanPaths: request.scan.map(p => path.resolve(cwd, p)),
    probeTraces: request.probeTraces,
    // The command line has no Restricted Mode: the user names every target and scan path.
    workspaceTrusted: true,
    // A project-key connection IS the old pair: it proves the 401 afterwards.
    oldSecretKey: connection.publicKey === request.key ? connection.secretKey : undefined,
  };
}
