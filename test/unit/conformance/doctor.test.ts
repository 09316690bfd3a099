// `langfuse-access doctor` against the sandbox over real HTTP (read-only: the sandbox's state is
// unchanged), and `npm run test:live` against the sandbox as "the live server".
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import * as path from 'node:path';
import { command as doctor } from '../../../src/cli/commands/doctor';
import { assertNoSecret, bundleCli, ORG, ROOT, startCliHarness, type CliHarness } from '../cli-rotate/support/cliHarness';
import { leftovers, runCommand } from './harness';

describe('cli: langfuse-access doctor and npm run test:live', function () {
  this.timeout(60_000);
  let h: CliHarness;
  afterEach(async () => { await h?.close(); });

  it('on a tested Langfuse 4.16.0 (Team): version, key, plan, identity, rate limits, clock, TLS — and nothing changed (exit 0)', async () => {
    h = await startCliHarness();
    const before = JSON.stringify(h.sandbox.store.toWorld());
    h.sandbox.resetStats();
    const r = await runCommand(h, doctor, ['--connection', 'acme']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^OK {4}server +Langfuse 4\.16\.0; conformance has passed on it \(tested: 4\.16\.0, 3\.112\.0\)$/m);
    assert.match(r.out, /^INFO {2}traces +the rotation's trace probe reads GET \/api\/public\/v2\/observations/m);
    assert.match(r.out, /^OK {4}key +organization key$/m);
    assert.match(r.out, /^OK {4}plan +admin API \(members, projects, keys\): yes$/m);
    assert.match(r.out, /^OK {4}plan +SCIM \(add members by email\): yes$/m);
    assert.match(r.out, /^OK {4}identity +acting as engineering-lead@acme\.com, OWNER: may manage members and keys/m);
    assert.match(r.out, /^INFO {2}rate limit +none seen; self-hosted Langfuse does not rate-limit/m);
    assert.match(r.out, /^OK {4}clock +skew [+-]\d+ s/m);
    assert.match(r.out, /^INFO {2}tls +plain HTTP on loopback/m);
    assert.equal(JSON.stringify(h.sandbox.store.toWorld()), before, 'doctor changes nothing');
    assertNoSecret(r.out + r.err);
  });

  it('warns on a version conformance has not passed on, and on the OSS plan says what is missing and where it exists (exit 0)', async () => {
    h = await startCliHarness({ plan: 'oss', serverVersion: '3.99.0' });
    const r = await runCommand(h, doctor, ['--connection', 'acme', '--json']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.reached, true);
    const line = (topic: string, re: RegExp) => report.lines.find((l: { topic: string; text: string }) => l.topic === topic && re.test(l.text));
    assert.equal(line('server', /3\.99\.0 is not among the versions conformance has passed on \(4\.16\.0, 3\.112\.0\)/)?.status, 'warn');
    assert.equal(line('traces', /v3 trace list/)?.status, 'info');
    assert.equal(line('plan', /^admin API .*: no — .*available on Langfuse Cloud Team, Cloud Enterprise and Self-hosted Enterprise/)?.status, 'warn');
    assert.equal(line('identity', /cannot be read without the admin API/)?.status, 'info');
  });

  it('says when the server is not reached (exit 1) or the key is refused (exit 1); bad flags are usage errors (exit 2)', async () => {
    h = await startCliHarness();
    const url = h.sandbox.url;
    await h.sandbox.close();
    const down = await runCommand(h, doctor, [], { LANGFUSE_ACCESS_BASE_URL: url, LANGFUSE_ACCESS_PUBLIC_KEY: ORG.publicKey, LANGFUSE_ACCESS_SECRET_KEY: ORG.secretKey });
    assert.equal(down.code, 1);
    assert.match(down.out, /^FAIL {2}server +not reached: Cannot reach Langfuse at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/m);
    h = await startCliHarness();
    const refused = await runCommand(h, doctor, [], { LANGFUSE_ACCESS_BASE_URL: h.sandbox.url, LANGFUSE_ACCESS_PUBLIC_KEY: ORG.publicKey, LANGFUSE_ACCESS_SECRET_KEY: 'sk-lf-demo-wrong' });
    assert.equal(refused.code, 1);
    assert.match(refused.out, /^FAIL {2}key +the key pair is refused \(401\)/m);
    assert.equal((await runCommand(h, doctor, ['--bogus'])).code, 2);
  });

  it('--help of doctor and conformance follows the CLI convention (usage line, options, exit codes; exit 0)', async () => {
    const cli = await bundleCli();
    for (const name of ['doctor', 'conformance']) {
      const r = spawnSync(process.execPath, [cli, name, '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`^Usage: langfuse-access ${name} \\[--connection NAME\\]`));
      assert.match(r.stderr, /\nExit codes:\n {2}0 {2}\S/, 'exit codes listed, as every command\'s --help does');
      assert.match(r.stderr, /\nExamples:\n/);
    }
    const list = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    assert.match(list.stderr, /^ {2}doctor +read-only: /m);
    assert.match(list.stderr, /^ {2}conformance +run the product's flows/m);
  });

  it('npm run test:live: without the variables it says in one line what to set and touches nothing; with them it runs conformance (exit 0)', async () => {
    h = await startCliHarness();
    const script = path.join(ROOT, 'test/scripts/test-live.mjs');
    const bare = spawnSync(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', HOME: h.dir, LANGFUSE_LIVE_BASE_URL: h.sandbox.url }, encoding: 'utf8' });
    assert.equal(bare.status, 2);
    assert.equal(bare.stderr.trim().split('\n').length, 1, bare.stderr);
    assert.match(bare.stderr.trim(), /^test:live needs LANGFUSE_LIVE_BASE_URL, LANGFUSE_LIVE_PUBLIC_KEY, LANGFUSE_LIVE_SECRET_KEY, LANGFUSE_ACCESS_ACTING_AS .*missing: LANGFUSE_LIVE_PUBLIC_KEY, LANGFUSE_LIVE_SECRET_KEY, LANGFUSE_ACCESS_ACTING_AS\. Nothing was run\.$/);
    // Asynchronous: the sandbox answering the child runs in this process.
    const live = await spawnAsync(process.execPath, [script], {
      env: {
        ...h.env, LANGFUSE_ACCESS_CLI: await bundleCli(),
        LANGFUSE_LIVE_BASE_URL: h.sandbox.url, LANGFUSE_LIVE_PUBLIC_KEY: ORG.publicKey, LANGFUSE_LIVE_SECRET_KEY: ORG.secretKey,
      },
    });
    assert.equal(live.status, 0, live.stderr);
    assert.match(live.stdout, /14 passed, 0 failed, 0 skipped/);
    assert.deepEqual(leftovers(h.sandbox), []);
  });
});

function spawnAsync(cmd: string, args: string[], options: SpawnOptions): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', d => { stdout += d; });
    child.stderr!.on('data', d => { stderr += d; });
    child.on('close', status => resolve({ status, stdout, stderr }));
  });
}
