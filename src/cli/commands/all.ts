// Registers every CLI command. Each feature adds one line here; the module itself loads lazily.
import { registerCliCommand } from '../registry';

export function registerAllCommands(): void {
  void registerCliCommand;
  registerCliCommand('sandbox', 'run the local Langfuse-compatible sandbox server', () => import('./sandbox'));
}
