import * as vscode from 'vscode';
import { Logger, type LogLevel, type LogSink } from '../core/log/logger';

/** The "Langfuse Access" LogOutputChannel as the core logger's sink (level set by "Developer: Set Log Level…"). */
export function createChannelLogger(): { logger: Logger; channel: vscode.LogOutputChannel } {
  const channel = vscode.window.createOutputChannel('Langfuse Access', { log: true });
  const sink: LogSink = {
    log(level: LogLevel, line: string) {
      switch (level) {
        case 'trace': channel.trace(line); break;
        case 'debug': channel.debug(line); break;
        case 'info': channel.info(line); break;
        case 'warn': channel.warn(line); break;
        case 'error': channel.error(line); break;
      }
    },
  };
  return { logger: new Logger(sink), channel };
}
