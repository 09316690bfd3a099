// The environment a child process (pass, and the gpg and git it runs) gets: an allow-list, never the
// whole environment. The CLI and the extension host hold LANGFUSE_ACCESS_SECRET_KEY, VAULT_TOKEN, AWS
// keys and more; a password-store extension, a git hook of the store or a wrapper script named `pass`
// on the PATH would see them all.

/** Exact names a child may get: where programs and the user's files are, the terminal and display for pinentry. */
const ALLOWED = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR',
  'GNUPGHOME', 'GPG_TTY', 'GPG_AGENT_INFO',
  // pinentry asks for a passphrase on the terminal or the desktop.
  'TERM', 'DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR',
  'LANG', 'LANGUAGE', 'TZ',
]);

/** Prefixes: pass's own settings (PASSWORD_STORE_DIR, _KEY, _GIT, _UMASK, …) and the locale. */
const ALLOWED_PREFIXES = ['PASSWORD_STORE_', 'LC_'];

/** `base` reduced to the allow-list, plus `extra` (which the caller sets on purpose). */
export function childEnvironment(base: NodeJS.ProcessEnv, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && (ALLOWED.has(name) || ALLOWED_PREFIXES.some(p => name.startsWith(p)))) env[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) env[name] = value;
  return env;
}
