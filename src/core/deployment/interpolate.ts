// Docker Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
// `${VAR:?message}`, `${VAR?message}`, `${VAR:+alt}`, `$$` for a literal `$`), resolved from the compose
// project's .env file only: the shell of whoever runs `docker compose` is not known here.

export interface Interpolated {
  /** The value after interpolation; undefined when a variable without default is not in the .env. */
  value: string | undefined;
  /** The variables referenced (first one first). */
  variables: string[];
  /** Some part came from a `:-`/`-` default written in the file itself. */
  usedDefault: boolean;
  /** Variables that had no value and no default. */
  unresolved: string[];
}

const TOKEN = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function hasInterpolation(text: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(text.replace(/\$\$/g, ''));
}

export function interpolate(text: string, vars: ReadonlyMap<string, string>): Interpolated {
  const variables: string[] = [];
  const unresolved: string[] = [];
  let usedDefault = false;
  let missing = false;
  const value = text.replace(TOKEN, (match, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare)!;
    variables.push(name);
    const set = vars.get(name);
    const empty = set === undefined || set === '';
    switch (op) {
      case ':-': if (empty) { usedDefault = true; return interpolate(arg ?? '', vars).value ?? ''; } return set!;
      case '-': if (set === undefined) { usedDefault = true; return interpolate(arg ?? '', vars).value ?? ''; } return set;
      case ':+': return empty ? '' : interpolate(arg ?? '', vars).value ?? '';
      case '+': return set === undefined ? '' : interpolate(arg ?? '', vars).value ?? '';
      default:
        if (set === undefined) { missing = true; unresolved.push(name); return ''; }
        return set;
    }
  });
  return { value: missing ? undefined : value, variables, usedDefault, unresolved };
}
