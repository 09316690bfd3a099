// Loaded by the extension host (extensionTestsPath) for the main pass: workspace trust off.
import { runSuite } from '../shared/mochaRunner';

export { log } from '../shared/mochaRunner';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
