// Which project the keys of a file belong to, compared with what the file's environment expects;
// pairs, revoked/unknown keys and key age. No network: online answers arrive as data (context.ts).
import type { EnvEntry } from '../env/envParser';
import { isDisplaySecretKey, isPlaceholderValue } from '../env/placeholders';
import { DEFAULT_ROTATION_MAX_AGE_DAYS } from '../names';
import type { CheckScope } from './context';
import type { Finding, Fix } from './finding';
import { finding } from './finding';
import type { KeyEntry } from './keyFormatRules';
import { pairKey } from './keyIndex';
import type { ResolvedKey } from './keyResolution';
import { describeSource, resolvePublicKey, sameProject } from './keyResolution';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface KeyGroup {
  /** `NEXT_PUBLIC_` etc.; '' for the variables SDKs read. */
  prefix: string;
  publicKey?: EnvEntry;
  secretKey?: EnvEntry;
}

/** The effective (last) public and secret key per variable prefix, placeholders left out. */
export function keyGroups(keys: KeyEntry[]): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  for (const { entry, variable } of keys) {
    if (variable.kind !== 'publicKey' && variable.kind !== 'secretKey') continue;
    const v = entry.value.trim();
    const usable = variable.kind === 'publicKey' ? v.startsWith('pk-lf-') : v.startsWith('sk-lf-') && !isDisplaySecretKey(v);
    if (!usable || isPlaceholderValue(v) || /\s/.test(v)) continue;
    const g = groups.get(variable.prefix) ?? { prefix: variable.prefix };
    g[variable.kind] = entry;
    groups.set(variable.prefix, g);
  }
  return [...groups.values()];
}

function projectFixes(group: KeyGroup, project: string, publicKey: string): Fix[] {
  const replace: Fix = { kind: 'replaceWithProjectKey', title: `Use a key of project ${project}`, project };
  if (group.publicKey) replace.publicKeyRange = group.publicKey.valueRange;
  if (group.secretKey) replace.secretKeyRange = group.secretKey.valueRange;
  return [replace, { kind: 'openKeyInTree', title: 'Show this key in the Langfuse Access tree', publicKey }];
}

export function projectFindings(scope: CheckScope, groups: KeyGroup[]): Finding[] {
  const { input, environment } = scope;
  const file = input.filePath;
  const config = input.access?.config;
  const out: Finding[] = [];

  for (const group of groups) {
    const pk = group.publicKey ? group.publicKey.value.trim() : undefined;
    const sk = group.secretKey ? group.secretKey.value.trim() : undefined;
    const resolved: ResolvedKey | undefined = pk ? resolvePublicKey(pk, config, input.keyIndex) : undefined;
    const online = pk && sk ? input.online?.get(pairKey(pk, sk)) : undefined;
    const expected = environment?.environment.project;
    const envLabel = environment ? `environment "${environment.name}"` : '';
    let wrongReported = false;

    if (pk && group.publicKey) {
      const range = group.publicKey.valueRange;
      const indexed = resolved?.indexed ?? input.keyIndex?.lookup(pk);
      if (indexed?.scope === 'organization' && !indexed.revoked) {
        out.push(finding(file, 'organization-key', range, `${pk} is an organization key: SDKs cannot trace with it, and it can manage the organization's members and keys. Put a project key here${expected ? ` (of ${expected})` : ''}, and rotate this organization key if the file was shared.`, {
          fixes: [...(expected ? [{ kind: 'replaceWithProjectKey' as const, title: `Use a key of project ${expected}`, project: expected, publicKeyRange: range, ...(group.secretKey ? { secretKeyRange: group.secretKey.valueRange } : {}) }] : []), { kind: 'openKeyInTree', title: 'Show this key in the Langfuse Access tree', publicKey: pk }],
          publicKey: pk,
        }));
        continue;
      }
      if (resolved && expected && !sameProject(expected, resolved)) {
        wrongReported = true;
        out.push(finding(file, 'wrong-project', range, `${pk} is a key of project "${resolved.project}" (${describeSource(resolved.source)}), but this file belongs to ${envLabel}, which uses project "${expected}". Put a key of ${expected} here.`, {
          fixes: projectFixes(group, expected, pk), publicKey: pk,
        }));
      } else if (!resolved && expected && online?.status !== 'ok') {
        out.push(finding(file, 'key-project-unknown', range, `Which project ${pk} belongs to is unknown offline, so it cannot be checked against project "${expected}". List it under environments.${environment?.name}.publicKeys in the access file, connect the organization, or run \`langfuse-access lint --online\`.`, { publicKey: pk }));
      }

      if (indexed?.revoked) {
        out.push(finding(file, 'revoked-key', range, `${pk} was deleted in Langfuse: every request with it fails with 401. Replace it with a current key of ${indexed.projectName}.`, {
          fixes: [{ kind: 'replaceWithProjectKey', title: `Use a current key of ${indexed.projectName}`, project: indexed.projectName, publicKeyRange: range, ...(group.secretKey ? { secretKeyRange: group.secretKey.valueRange } : {}) }],
          publicKey: pk,
        }));
      } else if (!indexed && input.keyIndex?.complete && online?.status !== 'ok') {
        out.push(finding(file, 'unknown-key', range, `${pk} is not a key of the connected organization: it belongs to another organization, region or instance, or was deleted. Use a key of ${expected ?? 'the right project'} from the connected organization.`, { publicKey: pk }));
      }

      const createdAt = indexed?.createdAt ? Date.parse(indexed.createdAt) : NaN;
      if (!indexed?.revoked && Number.isFinite(createdAt)) {
        const maxAge = config?.rotation?.maxAgeDays ?? input.rotationMaxAgeDays ?? DEFAULT_ROTATION_MAX_AGE_DAYS;
        const age = Math.floor(((input.now ?? new Date()).getTime() - createdAt) / DAY_MS);
        if (age > maxAge) {
          out.push(finding(file, 'rotation-overdue', range, `${pk} was created on ${new Date(createdAt).toISOString().slice(0, 10)}, ${age} days ago; the rotation policy allows ${maxAge} days. Rotate it: create a new pair, deploy it, then delete the old one.`, {
            fixes: [{ kind: 'openRotationWizard', title: 'Rotate this key…', publicKey: pk }], publicKey: pk,
          }));
        }
      }
    }

    if (pk && sk && group.secretKey) {
      const range = group.secretKey.valueRange;
      if (online?.status === 'rejected') {
        out.push(finding(file, 'revoked-key', range, `The server rejected this key pair (401): it was deleted, belongs to another region or instance, or is mistyped. Replace it with a current key pair${expected ? ` of ${expected}` : ''}.`, { publicKey: pk }));
      } else if (online?.status === 'ok') {
        const secretProject = online.projectName;
        if (resolved && !sameProject(secretProject, resolved) && resolved.project !== online.projectId) {
          out.push(finding(file, 'mismatched-pair', range, `The secret key belongs to project "${secretProject}", the public key to "${resolved.project}". Langfuse answers as the secret key's project, so data lands in "${secretProject}". Use the public and secret key of one pair.`, { publicKey: pk }));
        } else if (expected && !wrongReported && secretProject !== expected && online.projectId !== expected) {
          out.push(finding(file, 'wrong-project', range, `The server answers this key pair as project "${secretProject}", but this file belongs to ${envLabel}, which uses project "${expected}". Put a key pair of ${expected} here.`, {
            fixes: projectFixes(group, expected, pk), publicKey: pk,
          }));
        }
      } else {
        const display = (resolved?.indexed ?? input.keyIndex?.lookup(pk))?.displaySecretKey;
        if (display && display.length >= 4) {
          if (display.slice(-4) !== sk.slice(-4)) {
            out.push(finding(file, 'mismatched-pair', range, `This secret key is not the one paired with ${pk} (Langfuse shows that pair's secret as ${display}). Langfuse would answer as whichever project the secret belongs to. Use the public and secret key of one pair.`, { publicKey: pk }));
          }
        } else {
          out.push(finding(file, 'pair-unverified', range, `Whether this secret key belongs to ${pk} cannot be checked offline (a secret key reveals nothing). Connect the organization, or run \`langfuse-access lint --online\` to ask the connection's server.`, { publicKey: pk }));
        }
      }
    }
  }
  return out;
}

/** True when the key's project is used by an environment named like production. */
export function isProductionKey(scope: CheckScope, group: KeyGroup): boolean {
  if (scope.environment && /^prod/i.test(scope.environment.name)) return true;
  const config = scope.input.access?.config;
  const pk = group.publicKey?.value.trim();
  if (!config || !pk) return false;
  const resolved = resolvePublicKey(pk, config, scope.input.keyIndex);
  if (!resolved) return false;
  return Object.entries(config.environments).some(([name, env]) => /^prod/i.test(name) && sameProject(env.project, resolved));
}
