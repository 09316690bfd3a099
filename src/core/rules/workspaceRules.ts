// Checks across files: one key in files of different environments, and the access files themselves.
import type { LoadedAccessFile } from '../access/accessFile';
import type { EnvCheckResult } from './checkEnvFile';
import type { Finding } from './finding';
import { compareFindings, finding } from './finding';
import { l10n } from '../l10n/l10n';

/** "Never share keys across environments": every use of a key that appears under two or more environments. */
export function sharedKeyFindings(results: ReadonlyArray<Pick<EnvCheckResult, 'keyUses'>>): Finding[] {
  const byKey = new Map<string, EnvCheckResult['keyUses']>();
  for (const r of results) {
    for (const use of r.keyUses) {
      if (use.environment === undefined) continue;
      const list = byKey.get(use.fingerprint) ?? [];
      list.push(use);
      byKey.set(use.fingerprint, list);
    }
  }
  const envsOf = (uses: EnvCheckResult['keyUses']): string[] => [...new Set(uses.map(u => u.environment as string))].sort();
  const sharedPublicKeys = new Set([...byKey.entries()].filter(([, uses]) => uses[0].kind === 'publicKey' && envsOf(uses).length > 1).map(([k]) => k));
  const out: Finding[] = [];
  for (const uses of byKey.values()) {
    const envs = envsOf(uses);
    if (envs.length < 2) continue;
    for (const use of uses) {
      // A shared pair is reported once, on its public key.
      if (use.kind === 'secretKey' && use.publicKey && sharedPublicKeys.has(use.publicKey)) continue;
      const others = envs.filter(e => e !== use.environment).join(', ');
      const plural = others.includes(',');
      const message = use.kind === 'publicKey'
        ? plural ? l10n.t('{0} is also used in environments {1}. Never share keys across environments: give each environment its own key pair, so one can be rotated or revoked without touching the others.', use.fingerprint, others)
          : l10n.t('{0} is also used in environment {1}. Never share keys across environments: give each environment its own key pair, so one can be rotated or revoked without touching the others.', use.fingerprint, others)
        : plural ? l10n.t('This secret key is also used in environments {0}. Never share keys across environments: give each environment its own key pair, so one can be rotated or revoked without touching the others.', others)
          : l10n.t('This secret key is also used in environment {0}. Never share keys across environments: give each environment its own key pair, so one can be rotated or revoked without touching the others.', others);
      const pk = use.publicKey;
      out.push(finding(use.file, 'shared-key', use.range, message, {
        fixes: pk ? [{ kind: 'openRotationWizard', title: l10n.t('Rotate this key…'), publicKey: pk }] : [],
        ...(pk ? { publicKey: pk } : {}),
      }));
    }
  }
  return out.sort(compareFindings);
}

export function accessFileFindings(access: LoadedAccessFile): Finding[] {
  return access.problems.map(p => finding(access.path, 'access-file-invalid', p.range, p.message));
}
