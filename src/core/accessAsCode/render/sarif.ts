// The plan as SARIF 2.1.0 for code scanning: each change is a result on the line of the access file
// it comes from (error when the guards refuse it, warning otherwise), each warning a note-level result.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TOOL_NAME, TOOL_VERSION } from '../../names';
import { SARIF_SCHEMA_URI } from '../../sarif/toSarif';
import { CHANGE_KINDS, type AccessPlan, type PlanLocation } from '../planTypes';
import { kindWord } from './groups';
import { l10n } from '../../l10n/l10n';

const rules = () => [...CHANGE_KINDS.map(k => ({ id: `access-drift/${k}`, text: l10n.t('Drift: {0}', kindWord(k)) })), { id: 'access-plan/warning', text: l10n.t('A warning of the access plan') }];
const SRCROOT = '%SRCROOT%';

export function renderSarif(plan: AccessPlan, options: { baseDir: string }): Record<string, unknown> {
  const baseDir = path.resolve(options.baseDir);
  const rel = path.relative(baseDir, plan.file);
  const artifact = rel && !rel.startsWith('..') && !path.isAbsolute(rel)
    ? { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
    : { uri: pathToFileURL(plan.file).href };
  const location = (at: PlanLocation | undefined) => [{ physicalLocation: { artifactLocation: artifact, region: { startLine: at?.line ?? 1, startColumn: at?.column ?? 1 } } }];
  const fingerprint = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
  const results = [
    ...plan.changes.map(c => ({
      ruleId: `access-drift/${c.kind}`, ruleIndex: CHANGE_KINDS.indexOf(c.kind),
      level: c.verdict.status === 'refused' ? 'error' : 'warning',
      message: { text: `${c.summary} Live: ${c.from}; declared: ${c.to}.${c.verdict.status === 'refused' ? ` Refused: ${c.verdict.reason ?? c.verdict.rule}` : ''}` },
      locations: location(c.at),
      partialFingerprints: { 'langfuseAccess/v1': fingerprint(c.kind, c.id) },
    })),
    ...plan.warnings.map(w => ({
      ruleId: 'access-plan/warning', ruleIndex: CHANGE_KINDS.length, level: 'note',
      message: { text: w.message }, locations: location(w.at),
      partialFingerprints: { 'langfuseAccess/v1': fingerprint('warning', w.message) },
    })),
  ];
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, rules: rules().map(r => ({ id: r.id, shortDescription: { text: r.text } })) } },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(baseDir + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true }],
      results,
    }],
  };
}
