// Loaded by the extension host (extensionTestsPath) for the Restricted Mode pass
// (`run-integration-tests.mjs --restricted`): workspace trust is ON and the folder is NOT trusted.
// Add a test here by dropping a `NN-name.test.ts` next to this file; `restrictedMode()` from
// ./restrictedHelpers asserts the pass really runs untrusted.
import { runSuite } from '../shared/mochaRunner';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
