import type { EnvLike } from '../core/state/stateDir';

/** What a CLI command may touch: its output streams, the environment and the working folder. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: EnvLike;
  cwd: string;
}

export interface CliCommand {
  /** One usage line after `langfuse-access `, e.g. `lint [paths…] [--format text|json|sarif]`. */
  usage: string;
  /** Longer `--help` text: what each option does, and examples. */
  help?: string;
  run(io: CliIo, args: string[]): Promise<number>;
}

/** Thrown for bad flags or arguments: the CLI prints the usage line and exits 2. */
export class UsageError extends Error {}
