import { parseArgs, type ParseArgsConfig } from 'node:util';
import { l10n } from '../core/l10n/l10n';
import type { Severity } from '../core/rules/ruleCodes';
import { UsageError } from './command';

export const FAIL_ON_LEVELS = ['error', 'warning', 'info'] as const;

/**
 * The options `lint` and `compliance` share: `--format` (one of the command's formats) and
 * `--fail-on error|warning|info` (default warning), plus the command's own flags. Bad values are usage
 * errors (exit 2) that name the allowed ones.
 */
export function parseReportArgs<F extends string>(args: string[], formats: readonly F[], extra: NonNullable<ParseArgsConfig['options']>) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { format: { type: 'string', default: formats[0] }, 'fail-on': { type: 'string', default: 'warning' }, ...extra },
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const positionals = parsed.positionals;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const format = values.format as F;
  if (!formats.includes(format)) throw new UsageError(l10n.t('--format must be one of {0}, got "{1}"', formats.join(', '), String(values.format)));
  const failOn = values['fail-on'] as Severity;
  if (!(FAIL_ON_LEVELS as readonly string[]).includes(failOn)) throw new UsageError(l10n.t('--fail-on must be one of {0}, got "{1}"', FAIL_ON_LEVELS.join(', '), String(values['fail-on'])));
  return { values, positionals, format, failOn };
}
