// One .env file in, findings out: the function the editor calls on every change (no I/O, no
// network; everything it needs arrives in EnvCheckInput) and the CLI calls per file.
import { environmentForFile } from '../access/environmentMatch';
import type { EnvDocument } from '../env/envParser';
import { parseEnv } from '../env/envParser';
import type { TextRange } from '../env/position';
import { baseUrlValueFindings, sdkVariableFindings } from './baseUrlRules';
import type { CheckScope, EnvCheckInput } from './context';
import type { Finding } from './finding';
import { compareFindings } from './finding';
import { gitFindings } from './gitRules';
import { secretFingerprint } from './keyIndex';
import { duplicateFindings, keyValueFindings, langfuseEntries, syntaxFindings } from './keyFormatRules';
import { keyHostFindings } from './keyHostRules';
import { keyGroups, projectFindings } from './projectRules';
import type { SuppressedFinding } from './suppressions';
import { addIgnoreFix, splitSuppressed } from './suppressions';

/** A key seen in a file, for the workspace-level "one key across environments" check. */
export interface KeyUse {
  file: string;
  environment: string | undefined;
  /** The public key itself, or a fingerprint of a secret key (never the secret). */
  fingerprint: string;
  kind: 'publicKey' | 'secretKey';
  range: TextRange;
  publicKey?: string;
}

export interface EnvCheckResult {
  findings: Finding[];
  /** Findings silenced by `ignore:` entries of the access file (reported as suppressed in SARIF). */
  suppressed: SuppressedFinding[];
  keyUses: KeyUse[];
  environment: string | undefined;
  /** The project this file's environment expects, for the status bar. */
  project: string | undefined;
}

export function checkEnvFile(input: EnvCheckInput, doc: EnvDocument = parseEnv(input.text)): EnvCheckResult {
  const access = input.access;
  const environment = access?.config ? environmentForFile(access, input.filePath) : undefined;
  const scope: CheckScope = { input, environment };
  const file = input.filePath;
  const keys = langfuseEntries(doc);
  const groups = keyGroups(keys);

  const raw: Finding[] = [
    ...syntaxFindings(file, doc),
    ...duplicateFindings(file, keys),
    ...keyValueFindings(file, keys),
    ...sdkVariableFindings(file, keys, input.sdks ?? []),
    ...baseUrlValueFindings(file, keys, { name: access?.config?.connection, baseUrl: input.connectionBaseUrl }),
    ...keyHostFindings(scope, doc, groups),
    ...projectFindings(scope, groups),
    ...gitFindings(scope, groups),
  ];
  for (const f of raw) addIgnoreFix(f, access);
  const { kept, suppressed } = splitSuppressed(raw, access);

  const keyUses: KeyUse[] = [];
  for (const g of groups) {
    const pk = g.publicKey?.value.trim();
    if (g.publicKey && pk) keyUses.push({ file, environment: environment?.name, fingerprint: pk, kind: 'publicKey', range: g.publicKey.valueRange, publicKey: pk });
    if (g.secretKey) {
      const use: KeyUse = { file, environment: environment?.name, fingerprint: secretFingerprint(g.secretKey.value.trim()), kind: 'secretKey', range: g.secretKey.valueRange };
      if (pk) use.publicKey = pk;
      keyUses.push(use);
    }
  }
  return { findings: kept.sort(compareFindings), suppressed, keyUses, environment: environment?.name, project: environment?.environment.project };
}
