// Findings as a SARIF 2.1.0 log, the format code-scanning tools (GitHub, Azure DevOps, GitLab) read.
// Built by hand: the shape is small and fixed, and test/unit/sarif validates it against the schema.
// Fixes are included only when they are plain text edits (never a secret); the rest stay editor-only.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TOOL_NAME, TOOL_VERSION } from '../names';
import type { Finding } from '../rules/finding';
import type { RuleCode, Severity } from '../rules/ruleCodes';
import { RULE_CODES, Rules } from '../rules/ruleCodes';
import type { SuppressedFinding } from '../rules/suppressions';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifInput {
  findings: readonly Finding[];
  suppressed?: readonly SuppressedFinding[];
  /** Paths in the log are relative to this folder (the repository root in CI). */
  baseDir: string;
}

function ruleName(code: RuleCode): string {
  return code.split('-').map(w => w[0].toUpperCase() + w.slice(1)).join('');
}

function uriOf(file: string, baseDir: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(baseDir, file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(file).href };
}

function region(f: Finding): Record<string, number> {
  // SARIF lines and columns are 1-based; endColumn is the column after the last character.
  return {
    startLine: f.range.start.line + 1,
    startColumn: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}

function result(f: Finding, baseDir: string, suppression?: string): Record<string, unknown> {
  const location = uriOf(f.file, baseDir);
  const fingerprint = createHash('sha256')
    .update([f.code, location.uri, f.publicKey ?? '', String(f.range.start.line)].join('\u0000'))
    .digest('hex').slice(0, 32);
  const out: Record<string, unknown> = {
    ruleId: f.code,
    ruleIndex: RULE_CODES.indexOf(f.code),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(f) } }],
    partialFingerprints: { 'langfuseAccess/v1': fingerprint },
  };
  const fixes = f.fixes.flatMap(fix => (fix.kind === 'replaceText'
    ? [{
        description: { text: fix.title },
        artifactChanges: [{
          artifactLocation: location,
          replacements: [{ deletedRegion: region({ ...f, range: fix.range }), insertedContent: { text: fix.newText } }],
        }],
      }]
    : []));
  if (fixes.length > 0) out.fixes = fixes;
  if (suppression !== undefined) out.suppressions = [{ kind: 'external', status: 'accepted', justification: suppression }];
  return out;
}

export function toSarif(input: SarifInput): Record<string, unknown> {
  const baseDir = path.resolve(input.baseDir);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: TOOL_VERSION,
          semanticVersion: TOOL_VERSION,
          rules: RULE_CODES.map(code => ({
            id: code,
            name: ruleName(code),
            shortDescription: { text: Rules[code].summary },
            defaultConfiguration: { level: LEVEL[Rules[code].severity] },
          })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(baseDir + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true }],
      results: [
        ...input.findings.map(f => result(f, baseDir)),
        ...(input.suppressed ?? []).map(f => result(f, baseDir, f.suppressionReason)),
      ],
    }],
  };
}
