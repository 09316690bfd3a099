import { spawn } from 'node:child_process';
import { childEnvironment } from '../../process/childEnv';
import { l10n } from '../../l10n/l10n';
import { SinkConfigError, SinkIoError } from '../errors';

export interface PassRunConfig {
  passBinary?: string;
  /** PASSWORD_STORE_DIR; default: pass's own (~/.password-store). */
  storeDir?: string;
  /** GNUPGHOME; default: gpg's own. */
  gnupgHome?: string;
  /** Base environment (default process.env); pass gets only its allow-listed part (core/process/childEnv.ts). */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface PassResult { code: number; stdout: string; stderr: string }

/**
 * Runs `pass` with arguments that are never secret; secret content goes over stdin only, so it
 * never shows in `ps` or shell history.
 */
export function runPass(target: string, config: PassRunConfig, args: string[], stdin?: string): Promise<PassResult> {
  const env = childEnvironment(config.env ?? process.env, { PASSWORD_STORE_DIR: config.storeDir, GNUPGHOME: config.gnupgHome });
  const timeoutMs = config.timeoutMs ?? 30000;
  return new Promise((resolve, reject) => {
    const child = spawn(config.passBinary ?? 'pass', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', e => {
      clearTimeout(timer);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new SinkConfigError(target, l10n.t('the "{0}" program is not installed', config.passBinary ?? 'pass'), l10n.t('Install pass (e.g. {0}, {1}) or set its path in the secret manager settings', 'apt-get install pass', 'brew install pass'), 'ENOENT'));
      } else {
        reject(new SinkIoError(target, l10n.t('could not start pass ({0})', (e as NodeJS.ErrnoException).code ?? e.name), l10n.t('Check the pass installation'), (e as NodeJS.ErrnoException).code));
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') {
        reject(new SinkIoError(target, l10n.t('pass did not finish within {0} s (is gpg waiting for a passphrase?)', Math.round(timeoutMs / 1000)), l10n.t('Unlock your GPG key first (run "{0}" for the entry in a terminal), then try again', 'pass show'), 'timeout'));
        return;
      }
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => { /* pass exited early; its exit code tells why */ });
    child.stdin.end(stdin ?? '');
  });
}
