// Deployment findings as SARIF 2.1.0, in the same shape as src/core/sarif/toSarif.ts (lint) but with
// the compliance codes as rules. Only plain text replacements become SARIF fixes: generated secrets
// and moves into .env files stay editor-only, so no secret ever lands in the log.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TOOL_NAME, TOOL_VERSION } from '../names';
import type { ComplianceCode, RequirementId } from './complianceCodes';
import { ComplianceCodes, Requirements } from './complianceCodes';
import type { DeploymentFinding, Severity, TextRange } from './types';

const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const CODES = Object.keys(ComplianceCodes) as ComplianceCode[];

function uriOf(file: string, baseDir: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(baseDir, file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(file).href };
}

function region(r: TextRange): Record<string, number> {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function result(f: DeploymentFinding, baseDir: string): Record<string, unknown> {
  const location = uriOf(f.file, baseDir);
  const out: Record<string, unknown> = {
    ruleId: f.code,
    ruleIndex: CODES.indexOf(f.code),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(f.range) } }],
    partialFingerprints: { 'langfuseAccess/v1': createHash('sha256').update([f.code, location.uri, String(f.range.start.line)].join('\u0000')).digest('hex').slice(0, 32) },
  };
  const fixes = f.fixes.flatMap(fix => (fix.kind === 'replaceText'
    ? [{ description: { text: fix.title }, artifactChanges: [{ artifactLocation: uriOf(fix.file, baseDir), replacements: [{ deletedRegion: region(fix.range), insertedContent: { text: fix.newText } }] }] }]
    : []));
  if (fixes.length) out.fixes = fixes;
  if (f.requirement) out.properties = ruleProperties(f.requirement);
  return out;
}

/** A code that serves several requirements (the finding names its own) has no single category. */
function ruleProperties(requirement: RequirementId | null): Record<string, string> {
  return requirement ? { category: Requirements[requirement].category, requirement: Requirements[requirement].requirement } : { category: 'Deployment', requirement: 'The requirement of the variable the finding names' };
}

export function complianceToSarif(findings: readonly DeploymentFinding[], baseDir: string): Record<string, unknown> {
  const base = path.resolve(baseDir);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION,
          rules: CODES.map(code => ({
            id: code,
            name: code.split('-').map(w => w[0].toUpperCase() + w.slice(1)).join(''),
            shortDescription: { text: ComplianceCodes[code].summary },
            defaultConfiguration: { level: LEVEL[ComplianceCodes[code].severity] },
            properties: ruleProperties(ComplianceCodes[code].requirement),
          })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(base + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true }],
      results: findings.map(f => result(f, base)),
    }],
  };
}
