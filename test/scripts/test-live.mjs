// `npm run test:live`: the conformance suite against a real Langfuse server named by environment
// variables (not part of `npm test`). Missing variables: one line saying what to set, exit 2, nothing
// touched. Extra arguments go to `langfuse-access conformance` (e.g. `-- --project NAME --json`).
// LANGFUSE_ACCESS_CLI picks the CLI bundle (default dist/cli.js, built first when missing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const REQUIRED = ['LANGFUSE_LIVE_BASE_URL', 'LANGFUSE_LIVE_PUBLIC_KEY', 'LANGFUSE_LIVE_SECRET_KEY', 'LANGFUSE_ACCESS_ACTING_AS'];
const missing = REQUIRED.filter(name => !process.env[name]);
if (missing.length) {
  console.error(`test:live needs ${REQUIRED.join(', ')} (an organization key and an OWNER/ADMIN email of that server); missing: ${missing.join(', ')}. Nothing was run.`);
  process.exit(2);
}

let cli = process.env.LANGFUSE_ACCESS_CLI || path.join(root, 'dist', 'cli.js');
if (!process.env.LANGFUSE_ACCESS_CLI && !fs.existsSync(cli)) {
  const built = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
cli = path.resolve(cli);

// The CLI's own environment convention: the pair travels in the environment, never in argv.
const env = {
  ...process.env,
  LANGFUSE_ACCESS_BASE_URL: process.env.LANGFUSE_LIVE_BASE_URL,
  LANGFUSE_ACCESS_PUBLIC_KEY: process.env.LANGFUSE_LIVE_PUBLIC_KEY,
  LANGFUSE_ACCESS_SECRET_KEY: process.env.LANGFUSE_LIVE_SECRET_KEY,
};
delete env.LANGFUSE_ACCESS_CREDENTIALS_FILE;
const run = spawnSync(process.execPath, [cli, 'conformance', '--yes', ...process.argv.slice(2)], { env, stdio: 'inherit' });
process.exit(run.status ?? 1);
