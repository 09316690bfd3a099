// Deployment compliance of a 2,000-line docker-compose file (target <= 50 ms), next to the floor of
// just parsing it with `yaml` in the same run. Run: npx tsx test/bench/compliance.bench.ts
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { checkDeploymentFiles } from '../../src/core/deployment/checkDeployment';

function bigCompose(lines: number): string {
  const out = [
    'services:',
    '  langfuse-worker:',
    '    image: docker.io/langfuse/langfuse-worker:3',
    '    environment: &env',
    '      DATABASE_URL: postgresql://postgres:postgres@postgres:5432/postgres',
    '      SALT: "mysalt"',
    '      ENCRYPTION_KEY: "0000000000000000000000000000000000000000000000000000000000000000"',
    '      CLICKHOUSE_PASSWORD: ${CLICKHOUSE_PASSWORD:-clickhouse}',
    '  langfuse-web:',
    '    image: docker.io/langfuse/langfuse:3',
    '    environment:',
    '      <<: *env',
    '      NEXTAUTH_URL: http://localhost:3000',
    '      NEXTAUTH_SECRET: mysecret',
    '      AUTH_DOMAINS_WITH_SSO_ENFORCEMENT: acme.com',
    '      AUTH_OKTA_CLIENT_ID: ${OKTA_ID}',
    '      AUTH_OKTA_CLIENT_SECRET: ${OKTA_SECRET}',
    '      AUTH_OKTA_ISSUER: https://acme.okta.com',
  ];
  for (let i = 0; out.length < lines; i++) {
    out.push(`  sidecar-${i}:`, `    image: registry.acme.com/tools/sidecar-${i}:${i % 3 === 0 ? 'latest' : '1.2.3'}`, '    environment:');
    for (let j = 0; j < 12; j++) out.push(`      - SIDECAR_${j}_URL=\${SIDECAR_URL_${j}:-http://sidecar-${i}:80${j}}`);
    out.push(`      - SIDECAR_PASSWORD=changeme`, '    ports:', `      - "127.0.0.1:${9000 + i}:80"`);
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-compliance-bench-'));
try {
  const file = path.join(dir, 'docker-compose.yml');
  const text = bigCompose(2000);
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, '.env'), 'OKTA_ID=x\nOKTA_SECRET=y\n');
  const runs = 30;
  const time = (fn: () => unknown): number[] => Array.from({ length: runs }, () => {
    const s = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - s) / 1e6;
  });
  for (let i = 0; i < 5; i++) { parseDocument(text); checkDeploymentFiles([file]); } // warm-up
  const parse = time(() => parseDocument(text)).sort((a, b) => a - b);
  const check = time(() => checkDeploymentFiles([file])).sort((a, b) => a - b);
  const median = (xs: number[]): number => xs[Math.floor(xs.length / 2)];
  const findings = checkDeploymentFiles([file]).findings.length;
  console.log(`compose file: ${text.split('\n').length - 1} lines, ${findings} findings`);
  console.log(`yaml parseDocument only:        median ${median(parse).toFixed(1)} ms, max ${parse[parse.length - 1].toFixed(1)} ms`);
  console.log(`checkDeploymentFiles (+ read):  median ${median(check).toFixed(1)} ms, max ${check[check.length - 1].toFixed(1)} ms  (${(median(check) / median(parse)).toFixed(2)}x the parse)`);
  console.log(`target <= 50 ms: ${median(check) <= 50 ? 'met' : 'MISSED'}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
