// The status bar item of an open .env file: its environment → project and what the Problems panel
// shows for it (every Langfuse Access finding, .env rules and deployment checks alike), so the two
// never disagree.

export interface FileProblems { errors: number; warnings: number; infos: number }

export interface EnvStatus {
  text: string;
  tooltip: string;
  /** What a screen reader says: the same in words (no icon, no arrow). */
  spoken: string;
  /** Drives the item's background: errors and warnings stand out. */
  severity: 'error' | 'warning' | 'none';
  /** Where a click goes: the Problems panel, or scaffolding an access file for a file no environment lists. */
  target: 'problems' | 'scaffold';
}

export function envStatus(where: { environment?: string; project?: string }, problems: FileProblems): EnvStatus {
  const count = problems.errors + problems.warnings + problems.infos;
  const findings = count === 0 ? 'no findings' : `${count} finding${count === 1 ? '' : 's'}`;
  const kinds = [plural(problems.errors, 'error'), plural(problems.warnings, 'warning'), plural(problems.infos, 'info')].filter(Boolean);
  const summary = count ? `${findings} (${kinds.join(', ')})` : findings;
  const place = where.environment ? `${where.environment} → ${where.project ?? '?'}` : 'no environment';
  const tooltip = where.environment
    ? `Langfuse Access: this file belongs to the ${where.environment} environment, which uses the project ${where.project} (.langfuse/access.yaml). ${summary} in the Problems panel.`
    : `Langfuse Access: no environment of .langfuse/access.yaml lists this file${count ? `; ${summary} in the Problems panel` : ''}. Scaffold an access file to say which project each environment uses.`;
  const spokenPlace = where.environment ? `environment ${where.environment}, project ${where.project ?? 'unknown'}` : 'no environment of the access file lists this file';
  return {
    text: `$(${count ? 'shield' : 'pass'}) ${place} · ${summary}`,
    spoken: `Langfuse Access: ${spokenPlace}; ${summary}`,
    tooltip,
    severity: problems.errors ? 'error' : problems.warnings ? 'warning' : 'none',
    target: where.environment || count ? 'problems' : 'scaffold',
  };
}

function plural(n: number, word: string): string | undefined {
  return n ? `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}` : undefined;
}
