// Tests only: LANGFUSE_ACCESS_TEST_HOOK=`crash:<checkpoint>` kills the process with SIGKILL there;
// `record:<file>` appends checkpoint names. Used by `rotate` and `conformance`.
import * as fs from 'node:fs';
import type { EnvLike } from '../core/state/stateDir';

export const TEST_HOOK_ENV = 'LANGFUSE_ACCESS_TEST_HOOK';

export function testHookFrom(env: EnvLike): ((name: string) => void) | undefined {
  const hook = env[TEST_HOOK_ENV];
  if (!hook) return undefined;
  if (hook.startsWith('crash:')) {
    const at = hook.slice('crash:'.length);
    return name => { if (name === at) process.kill(process.pid, 'SIGKILL'); };
  }
  if (hook.startsWith('record:')) {
    const file = hook.slice('record:'.length);
    return name => fs.appendFileSync(file, `${name}\n`);
  }
  return () => undefined;
}
