import { redact } from './redact';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** Where log lines go: a VS Code LogOutputChannel at the edge, stderr in the CLI, memory in tests. */
export interface LogSink {
  log(level: LogLevel, line: string): void;
}

/** A component-tagged logger. Every argument is redacted before it reaches the sink. */
export class Logger {
  constructor(
    private readonly sink: LogSink,
    private readonly component?: string,
  ) {}

  /** A child logger whose lines are prefixed with `[component]`. */
  child(component: string): Logger {
    return new Logger(this.sink, component);
  }

  trace(...args: unknown[]): void { this.write('trace', args); }
  debug(...args: unknown[]): void { this.write('debug', args); }
  info(...args: unknown[]): void { this.write('info', args); }
  warn(...args: unknown[]): void { this.write('warn', args); }
  error(...args: unknown[]): void { this.write('error', args); }

  private write(level: LogLevel, args: unknown[]): void {
    const text = args.map(redact).join(' ');
    this.sink.log(level, this.component ? `[${this.component}] ${text}` : text);
  }
}

/** Collects lines in memory (tests, and the CLI's --verbose buffer). */
export class MemoryLogSink implements LogSink {
  readonly lines: { level: LogLevel; line: string }[] = [];
  log(level: LogLevel, line: string): void { this.lines.push({ level, line }); }
  text(): string { return this.lines.map(l => `${l.level} ${l.line}`).join('\n'); }
}

export const NULL_LOGGER = new Logger({ log: () => undefined });
