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
import { l10n } from '../l10n/l10n';

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
  const replace: Fix = { kind: 'replaceWithProjectKey', title: l10n.t('Use a key of project {0}', project), project };
  if (group.publicKey) replace.publicKeyRange = group.publicKey.valueRange;
  if (group.secretKey) replace.secretKeyRange = group.secretKey.valueRange;
  return [replace, { kind: 'openKeyInTree', title: l10n.t('Show this key in the Langfuse Access tree'), publicKey }];
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
    const envLabel = environment ? l10n.t('environment "{0}"', environment.name) : '';
    let wrongReported = false;

    if (pk && group.publicKey) {
      const range = group.publicKey.valueRange;
      const indexed = resolved?.indexed ?? input.keyIndex?.lookup(pk);
      if (indexed?.scope === 'organization' && !indexed.revoked) {
        out.push(finding(file, 'organization-key', range, expected ? l10n.t('{0} is an organization key: SDKs cannot trace with it, and it can manage the organization\'s members and keys. Put a project key here (of {1}), and rotate this organization key if the file was shared.', pk, expected)
          : l10n.t('{0} is an organization key: SDKs cannot trace with it, and it can manage the organization\'s members and keys. Put a project key here, and rotate this organization key if the file was shared.', pk), {
          fixes: [...(expected ? [{ kind: 'replaceWithProjectKey' as const, title: l10n.t('Use a key of project {0}', expected), project: expected, publicKeyRange: range, ...(group.secretKey ? { secretKeyRange: group.secretKey.valueRange } : {}) }] : []), { kind: 'openKeyInTree', title: l10n.t('Show this key in the Langfuse Access tree'), publicKey: pk }],
          publicKey: pk,
        }));
        continue;
      }
      if (resolved && expected && !sameProject(expected, resolved)) {
        wrongReported = true;
        out.push(finding(file, 'wrong-project', range, l10n.t('{0} is a key of project "{1}" ({2}), but this file belongs to {3}, which uses project "{4}". Put a key of {4} here.', pk, resolved.project, describeSource(resolved.source), envLabel, expected), {
          fixes: projectFixes(group, expected, pk), publicKey: pk,
        }));
      } else if (!resolved && expected && online?.status !== 'ok') {
        out.push(finding(file, 'key-project-unknown', range, l10n.t('Which project {0} belongs to is unknown offline, so it cannot be checked against project "{1}". List it under environments.{2}.publicKeys in the access file, connect the organization, or run `langfuse-access lint --online`.', pk, expected, environment?.name ?? ''), { publicKey: pk }));
      }

      if (indexed?.revoked) {
        out.push(finding(file, 'revoked-key', range, l10n.t('{0} was deleted in Langfuse: every request with it fails with 401. Replace it with a current key of {1}.', pk, indexed.projectName), {
          fixes: [{ kind: 'replaceWithProjectKey', title: l10n.t('Use a current key of {0}', indexed.projectName), project: indexed.projectName, publicKeyRange: range, ...(group.secretKey ? { secretKeyRange: group.secretKey.valueRange } : {}) }],
          publicKey: pk,
        }));
      } else if (!indexed && input.keyIndex?.complete && online?.status !== 'ok') {
        out.push(finding(file, 'unknown-key', range, expected ? l10n.t('{0} is not a key of the connected organization: it belongs to another organization, region or instance, or was deleted. Use a key of {1} from the connected organization.', pk, expected)
          : l10n.t('{0} is not a key of the connected organization: it belongs to another organization, region or instance, or was deleted. Use a key of the right project from the connected organization.', pk), { publicKey: pk }));
      }

      const createdAt = indexed?.createdAt ? Date.parse(indexed.createdAt) : NaN;
      if (!indexed?.revoked && Number.isFinite(createdAt)) {
        const maxAge = config?.rotation?.maxAgeDays ?? input.rotationMaxAgeDays ?? DEFAULT_ROTATION_MAX_AGE_DAYS;
        const age = Math.floor(((input.now ?? new Date()).getTime() - createdAt) / DAY_MS);
        if (age > maxAge) {
          out.push(finding(file, 'rotation-overdue', range, l10n.t('{0} was created on {1}, {2} days ago; the rotation policy allows {3} days. Rotate it: create a new pair, deploy it, then delete the old one.', pk, new Date(createdAt).toISOString().slice(0, 10), age, maxAge), {
            fixes: [{ kind: 'openRotationWizard', title: l10n.t('Rotate this key…'), publicKey: pk }], publicKey: pk,
          }));
        }
      }
    }

    if (pk && sk && group.secretKey) {
      const range = group.secretKey.valueRange;
      if (online?.status === 'rejected') {
        out.push(finding(file, 'revoked-key', range, expected ? l10n.t('The server rejected this key pair (401): it was deleted, belongs to another region or instance, or is mistyped. Replace it with a current key pair of {0}.', expected)
          : l10n.t('The server rejected this key pair (401): it was deleted, belongs to another region or instance, or is mistyped. Replace it with a current key pair.'), { publicKey: pk }));
      } else if (online?.status === 'ok') {
        const secretProject = online.projectName;
        if (resolved && !sameProject(secretProject, resolved) && resolved.project !== online.projectId) {
          out.push(finding(file, 'mismatched-pair', range, l10n.t('The secret key belongs to project "{0}", the public key to "{1}". Langfuse answers as the secret key\'s project, so data lands in "{0}". Use the public and secret key of one pair.', secretProject, resolved.project), { publicKey: pk }));
        } else if (expected && !wrongReported && secretProject !== expected && online.projectId !== expected) {
          out.push(finding(file, 'wrong-project', range, l10n.t('The server answers this key pair as project "{0}", but this file belongs to {1}, which uses project "{2}". Put a key pair of {2} here.', secretProject, envLabel, expected), {
            fixes: projectFixes(group, expected, pk), publicKey: pk,
          }));
        }
      } else {
        const display = (resolved?.indexed ?? input.keyIndex?.lookup(pk))?.displaySecretKey;
        if (display && display.length >= 4) {
          if (display.slice(-4) !== sk.slice(-4)) {
            out.push(finding(file, 'mismatched-pair', range, l10n.t('This secret key is not the one paired with {0} (Langfuse shows that pair\'s secret as {1}). Langfuse would answer as whichever project the secret belongs to. Use the public and secret key of one pair.', pk, display), { publicKey: pk }));
          }
        } else {
          out.push(finding(file, 'pair-unverified', range, l10n.t('Whether this secret key belongs to {0} cannot be checked offline (a secret key reveals nothing). Connect the organization, or run `langfuse-access lint --online` to ask the connection\'s server.', pk), { publicKey: pk }));
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
