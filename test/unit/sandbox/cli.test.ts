// `langfuse-access sandbox` refuses bad flags and worlds with exit 2 and a message saying what to use.
import * as assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/command';
import { command } from '../../../src/cli/commands/sandbox';
import { main } from '../../../src/cli/main';

/** Runs the command module directly (mocha's tsx/cjs hook cannot resolve the registry's dynamic import()). */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => { out += t; }, err: (t: string) => { err += t; }, env: {}, cwd: process.cwd() };
  if (args[0] === '--help') return { code: await main(args, io), out, err };
  try {
    return { code: await command.run(io, args.slice(1)), out, err };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { code: 2, out, err: `${err}${e.message}\nUsage: langfuse-access ${command.usage}\n` };
  }
}

describe('langfuse-access sandbox: usage errors', () => {
  it('is listed among the commands', async () => {
    const r = await run(['--help']);
    assert.match(r.err, /sandbox\s+run the local Langfuse-compatible sandbox server/);
  });

  it('refuses an unknown plan', async () => {
    const r = await run(['sandbox', '--plan', 'gold']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--plan must be one of team, enterprise, oss/);
    assert.equal(r.out, '');
  });

  it('refuses a bad port', async () => {
    const r = await run(['sandbox', '--port', '70000']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--port must be a number from 0 to 65535/);
  });

  it('refuses a missing world file', async () => {
    const r = await run(['sandbox', '--world', '/nonexistent/world.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /Cannot read world file \/nonexistent\/world.yaml: ENOENT\. Use "acme", "recorded", "large" or the path/);
  });

  it('refuses a --now that is not a date', async () => {
    for (const now of ['tomorrow', '2027-13-45', '1700000000']) {
      const r = await run(['sandbox', '--now', now]);
      assert.equal(r.code, 2, now);
      assert.match(r.err, /--now must be an ISO 8601 date or time such as 2027-01-31/);
    }
  });

  it('refuses a server version that is not X.Y.Z', async () => {
    const r = await run(['sandbox', '--server-version', 'latest']);
    assert.equal(r.code, 2);
    assert.match(r.err, /The server version "latest" is not a version like 4\.16\.0 or 3\.112\.0\./);
  });

  it('refuses unknown flags', async () => {
    const r = await run(['sandbox', '--secret', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.err, /Usage: langfuse-access sandbox/);
  });
});
