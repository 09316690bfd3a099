import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDeploymentFiles } from '../../../src/core/deployment/checkDeployment';
import type { DeploymentCheckResult } from '../../../src/core/deployment/checkDeployment';
import type { DeploymentFinding } from '../../../src/core/deployment/types';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/deployment');

export function fixture(rel: string): string {
  return path.join(FIXTURES, rel);
}

/** Writes files into a fresh temp folder and returns its path. */
export function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-deploy-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

export function check(...files: string[]): DeploymentCheckResult {
  return checkDeploymentFiles(files);
}

export function codes(findings: DeploymentFinding[]): string[] {
  return findings.map(f => f.code);
}

/** `file:line:col code` with 1-based line/col and the file's base name. */
export function at(f: DeploymentFinding): string {
  return `${path.basename(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code}`;
}

export function only(result: DeploymentCheckResult, code: string): DeploymentFinding[] {
  return result.findings.filter(f => f.code === code);
}

/** Compose with one langfuse web service whose environment lines are given. */
export function webCompose(envLines: string[], image = 'langfuse/langfuse:3.135.0'): string {
  return `services:\n  langfuse-web:\n    image: ${image}\n    environment:\n${envLines.map(l => `      - ${l}\n`).join('')}`;
}

export const GOOD_ENV = [
  'NEXTAUTH_URL=https://langfuse.acme.com',
  'NEXTAUTH_SECRET=${NEXTAUTH_SECRET}',
  'SALT=${SALT}',
  'ENCRYPTION_KEY=${ENCRYPTION_KEY}',
  'AUTH_DISABLE_SIGNUP=true',
  'AUTH_DISABLE_USERNAME_PASSWORD=true',
  'AUTH_DOMAINS_WITH_SSO_ENFORCEMENT=acme.com',
  'AUTH_OKTA_CLIENT_ID=0oa1demo',
  'AUTH_OKTA_CLIENT_SECRET=${AUTH_OKTA_CLIENT_SECRET}',
  'AUTH_OKTA_ISSUER=https://acme.okta.com',
];

export const GOOD_DOTENV = [
  'NEXTAUTH_SECRET=q0mYb1m3Wm0V9yQ6w8v2cX4tL7pR5sN1aZ3kJ8hG6fE=',
  'SALT=Jr8x2Pq4Vn6Ls0Tz3Hw5Yk9Bd1Fg7Mc2Na4Qe6Ru8So=',
  'ENCRYPTION_KEY=3f9a1c7e5b2d8f4a6c0e9b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a',
  'AUTH_OKTA_CLIENT_SECRET=demo-okta-secret-not-real',
].join('\n') + '\n';
