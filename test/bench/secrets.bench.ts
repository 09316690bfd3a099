// Secret sink figures: median write latency of each sink (lock, read, edit, write, read back) against
// the bare operation underneath it measured in the same run, plus the .env editor against dotenv.parse.
//   npx tsx test/bench/secrets.bench.ts
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as dotenv from 'dotenv';
import * as sm from '@aws-sdk/client-secrets-manager';
import { writeFileAtomicSync } from '../../src/core/state/atomicWrite';
import { createSink, type SinkFactoryOptions } from '../../src/core/secrets/createSink';
import { setEnvValues } from '../../src/core/env/envEdit';
import { FAKE_AWS_ENV, startMoto } from '../support/peers/moto';
import { createPassStore } from '../support/peers/passStore';
import { startVaultKv2Fake } from '../support/peers/vaultKv2Fake';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function pair(i: number) {
  const id = String(i).padStart(12, '0');
  return { publicKey: `pk-lf-e0000000-0000-4000-8000-${id}`, secretKey: `sk-lf-canary-e0000000-0000-4000-8000-${id}` };
}

async function median(fn: (i: number) => unknown, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function row(name: string, ours: number, base: number, baseName: string): void {
  console.log(`${name.padEnd(34)} ${ours.toFixed(2).padStart(9)} ms   baseline ${baseName.padEnd(30)} ${base.toFixed(2).padStart(9)} ms   ratio ${(ours / base).toFixed(2)}`);
}

(async () => {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-bench-'));
  const [moto, vault] = await Promise.all([startMoto(), startVaultKv2Fake({ tokens: { 'hvs.bench': { capability: 'write' } } })]);
  const pass = createPassStore();
  const credentials = { accessKeyId: FAKE_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: FAKE_AWS_ENV.AWS_SECRET_ACCESS_KEY };
  const options: SinkFactoryOptions = {
    lockDir: path.join(dir, 'locks'), cwd: dir, vaultToken: 'hvs.bench',
    settings: { aws: { region: 'us-east-1', endpoint: moto.endpoint }, vault: { address: vault.address }, pass: { storeDir: pass.storeDir } },
    aws: { credentials }, pass: { gnupgHome: pass.gnupgHome },
  };
  try {
    console.log(`secret sinks: median of ${RUNS} writes of a new pair (each includes its read-back)`);
    const envFile = path.join(dir, '.env');
    fs.writeFileSync(envFile, '# app\nA=1\n');
    const env = createSink('env:.env', options);
    const envOurs = await median(i => env.write(pair(i)));
    const envBase = await median(i => writeFileAtomicSync(envFile, `# app\nA=1\nLANGFUSE_PUBLIC_KEY=${pair(i).publicKey}\nLANGFUSE_SECRET_KEY=${pair(i).secretKey}\n`));
    row('env: EnvFileSink.write', envOurs, envBase, 'writeFileAtomicSync');

    const aws = createSink('aws-sm:bench/langfuse', options);
    await aws.write(pair(1000));
    const awsOurs = await median(i => aws.write(pair(i)));
    const client = new sm.SecretsManagerClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials });
    const awsBase = await median(i => client.send(new sm.PutSecretValueCommand({ SecretId: 'bench/langfuse', SecretString: JSON.stringify(pair(i + 500)) })));
    row('aws-sm (moto): write', awsOurs, awsBase, 'one PutSecretValue');

    const passSink = createSink('pass:bench/langfuse', options);
    const passOurs = await median(i => passSink.write(pair(i)), Math.min(RUNS, 10));
    const passBase = await median(i => execFileSync('pass', ['insert', '-m', '-f', 'bench/raw'], { env: pass.env, input: JSON.stringify(pair(i)), stdio: ['pipe', 'ignore', 'ignore'] }), Math.min(RUNS, 10));
    row('pass: write', passOurs, passBase, 'one `pass insert -m`');

    const vaultSink = createSink('vault:secret/bench/langfuse', options);
    const vaultOurs = await median(i => vaultSink.write(pair(i)));
    const vaultBase = await median(i => fetch(`${vault.address}/v1/secret/data/bench/raw`, { method: 'POST', headers: { 'x-vault-token': 'hvs.bench' }, body: JSON.stringify({ data: pair(i) }) }).then(r => r.text()));
    row('vault (KV v2 fake): write', vaultOurs, vaultBase, 'one POST data/');

    const lines = Array.from({ length: 5000 }, (_, i) => (i % 10 === 0 ? `# section ${i}` : `KEY_${i}="value ${i}" # note`));
    const big = `${lines.join('\n')}\nLANGFUSE_SECRET_KEY=sk-lf-old\n`;
    const editor = await median(() => setEnvValues(big, 'LANGFUSE_SECRET_KEY', ['sk-lf-new']), 50);
    const parseOnly = await median(() => dotenv.parse(big), 50);
    row('.env editor, 5000 lines: edit', editor, parseOnly, 'dotenv.parse (read only)');
  } finally {
    await Promise.all([moto.stop(), vault.close()]);
    pass.teardown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch(err => { console.error(err); process.exit(1); });
