// Child process used by the concurrency and permission tests: writes one pair to a .env sink and
// prints the outcome as JSON (error code and message only, never the pair).
import { EnvFileSink } from '../../../../src/core/secrets/env/envFileSink';
import { isSinkError } from '../../../../src/core/secrets/errors';

const [file, lockDir, publicKey, secretKey] = process.argv.slice(2);
new EnvFileSink(file, { lockDir, tool: `test-writer-${process.pid}` })
  .write({ publicKey, secretKey })
  .then(r => { process.stdout.write(JSON.stringify({ ok: true, version: r.version })); })
  .catch(err => {
    process.stdout.write(JSON.stringify({ ok: false, code: isSinkError(err) ? err.code : 'unexpected', message: String(err.message) }));
  });
