// Which translation bundle the CLI loads: the bundles are VS Code's (media/l10n/bundle.l10n.<locale>.json,
// made with @vscode/l10n-dev), named by VS Code locale ids such as `de` or `pt-br`.
import { CliEnv } from '../names';

/** The locale asked for, as VS Code names it (`de_DE.UTF-8` → `de-de`); undefined for English or none. */
export function cliLocale(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = [env[CliEnv.locale], env.LC_ALL, env.LC_MESSAGES, env.LANG].find(v => v && v.trim() !== '');
  if (!raw) return undefined;
  const locale = raw.trim().split(/[.@]/)[0].replace(/_/g, '-').toLowerCase();
  return locale === '' || locale === 'c' || locale === 'posix' || locale === 'en' || locale.startsWith('en-') ? undefined : locale;
}

/** The bundle file names to try for a locale, most specific first (`pt-br`, then `pt`). */
export function bundleNames(locale: string): string[] {
  const language = locale.split('-')[0];
  return [...new Set([locale, language])].map(l => `bundle.l10n.${l}.json`);
}
