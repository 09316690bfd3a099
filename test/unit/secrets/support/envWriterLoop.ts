// Child process for the kill -9 test: writes alternating pairs to a .env sink until killed.
import { EnvFileSink } from '../../../../src/core/secrets/env/envFileSink';
import { canaryPair } from './pairs';

const [file, lockDir] = process.argv.slice(2);
const sink = new EnvFileSink(file, { lockDir, tool: 'kill-test' });
(async () => {
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) await sink.write(canaryPair(i % 7));
})().catch(err => { process.stderr.write(String(err?.message)); process.exit(3); });
