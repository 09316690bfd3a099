import { parseAccessFile } from '../../../src/core/access/accessFile';
import type { LoadedAccessFile } from '../../../src/core/access/accessFile';
import type { EnvCheckResult } from '../../../src/core/rules/checkEnvFile';
import { checkEnvFile } from '../../../src/core/rules/checkEnvFile';
import type { EnvCheckInput } from '../../../src/core/rules/context';
import type { Finding } from '../../../src/core/rules/finding';
import type { KeyIndexEntry } from '../../../src/core/rules/keyIndex';

/** The fixed demo data (COMMON.md): public keys, secrets and creation dates. */
export const DEMO = {
  production: { pk: 'pk-lf-b1000000-0000-4000-8000-000000000001', sk: 'sk-lf-demo-b1000000-0000-4000-8000-000000000001', project: 'production-chatbot', id: 'proj-production-chatbot', createdAt: '2026-06-01T09:00:00.000Z' },
  staging: { pk: 'pk-lf-c2000000-0000-4000-8000-000000000001', sk: 'sk-lf-demo-c2000000-0000-4000-8000-000000000001', project: 'staging-chatbot', id: 'proj-staging-chatbot', createdAt: '2026-10-15T09:00:00.000Z' },
  analytics: { pk: 'pk-lf-d3000000-0000-4000-8000-000000000001', sk: 'sk-lf-demo-d3000000-0000-4000-8000-000000000001', project: 'analytics-readonly', id: 'proj-analytics-readonly', createdAt: '2026-09-20T09:00:00.000Z' },
} as const;

export const NOW = new Date('2026-11-28T12:00:00.000Z');

export const ACCESS_YAML = [
  'version: 1',
  'connection: acme-eu',
  'environments:',
  '  production:',
  '    project: production-chatbot',
  '    files: [".env.production"]',
  `    publicKeys: ["${DEMO.production.pk}"]`,
  '  staging:',
  '    project: staging-chatbot',
  '    files: [".env.staging", ".env.local"]',
  `    publicKeys: ["${DEMO.staging.pk}"]`,
  '  analytics:',
  '    project: analytics-readonly',
  '    files: ["analytics/.env"]',
  '    keyPrefix: "pk-lf-d3"',
  'rotation:',
  '  maxAgeDays: 90',
].join('\n');

export const ROOT = '/w';

export function access(yaml: string = ACCESS_YAML): LoadedAccessFile {
  const loaded = parseAccessFile(yaml, `${ROOT}/.langfuse/access.yaml`, ROOT);
  if (loaded.problems.length > 0) throw new Error(`test access file invalid: ${JSON.stringify(loaded.problems)}`);
  return loaded;
}

export function pair(which: keyof typeof DEMO): string {
  return `LANGFUSE_PUBLIC_KEY=${DEMO[which].pk}\nLANGFUSE_SECRET_KEY=${DEMO[which].sk}\n`;
}

export function indexEntry(which: keyof typeof DEMO, extra: Partial<KeyIndexEntry> = {}): KeyIndexEntry {
  const d = DEMO[which];
  return { projectId: d.id, projectName: d.project, createdAt: d.createdAt, displaySecretKey: `sk-lf-...${d.sk.slice(-4)}`, ...extra };
}

export function check(file: string, text: string, extra: Partial<EnvCheckInput> = {}): EnvCheckResult {
  return checkEnvFile({ filePath: `${ROOT}/${file}`, text, access: access(), now: NOW, ...extra });
}

export function codes(findings: Finding[]): string[] {
  return findings.map(f => f.code);
}

export function only(findings: Finding[], code: string): Finding[] {
  return findings.filter(f => f.code === code);
}
