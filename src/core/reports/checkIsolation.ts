import { escapeMarkdown } from '../display/markdown';
import { l10n } from '../l10n/l10n';
import { effectiveProjectRole, type Role } from '../langfuse/roles';
import { environmentKind, environmentKinds, type EnvironmentKind } from './environmentKind';

export interface IsolationInput {
  projects: { id: string; name: string }[];
  members: { userId: string; email: string | null; name: string | null; role: Role }[];
  /** Explicit project roles per project id (undefined entries: the plan has no project roles). */
  overrides: ReadonlyMap<string, readonly { userId: string; role: Role }[] | undefined>;
  keys: ReadonlyMap<string, readonly { publicKey: string; note: string | null }[]>;
  /** From the workspace access file, when there is one. */
  environments?: Record<string, { project: string; writers?: string[] }>;
}

export interface IsolationFinding {
  code: 'isolation.sharedProject' | 'isolation.mixedProject' | 'isolation.noSeparation' | 'isolation.unlistedWriter' | 'isolation.writersNotChecked' | 'isolation.keyNoteEnvironment';
  severity: 'error' | 'warning' | 'info';
  message: string;
  project?: string;
}

const WRITE_ROLES: Role[] = ['OWNER', 'ADMIN', 'MEMBER'];

/**
 * "Check isolation": do the organization's projects keep production, staging and analytics apart
 * (by name and by the workspace's environments); who can write to production without being listed as
 * its writer; which keys' notes name another environment than their project.
 */
export function checkIsolation(input: IsolationInput): IsolationFinding[] {
  const findings: IsolationFinding[] = [];
  const envByProject = new Map<string, string[]>();
  for (const [env, e] of Object.entries(input.environments ?? {})) envByProject.set(e.project, [...(envByProject.get(e.project) ?? []), env]);
  for (const [project, envs] of envByProject) {
    // Two or more environments: "a and b", "a, b and c".
    if (envs.length > 1) findings.push({ code: 'isolation.sharedProject', severity: 'error', project, message: l10n.t('The environments {0} and {1} share the project {2}: their traces, prompts and keys are not separated. Give each environment its own project.', envs.slice(0, -1).join(', '), envs.at(-1)!, project) });
  }
  for (const p of input.projects) {
    const kinds = environmentKinds(p.name).filter(k => k !== 'analytics');
    if (kinds.length > 1) findings.push({ code: 'isolation.mixedProject', severity: 'warning', project: p.name, message: l10n.t('{0} names several environments ({1}); one project per environment keeps keys and access apart.', p.name, kinds.join(', ')) });
  }
  const kinds = new Set(input.projects.map(p => environmentKind(p.name)).filter((k): k is EnvironmentKind => !!k));
  if (input.projects.length > 0 && !(kinds.has('production') && (kinds.has('staging') || kinds.has('development')))) {
    findings.push({ code: 'isolation.noSeparation', severity: 'warning', message: l10n.t('No separate production and staging projects found by name ({0}). Best practice: separate projects for production, staging and analytics; never share keys across environments.', input.projects.map(p => p.name).join(', ')) });
  }
  const productionProjects = new Map<string, string[] | undefined>();
  for (const [env, e] of Object.entries(input.environments ?? {})) if (environmentKind(env) === 'production') productionProjects.set(e.project, e.writers);
  if (!input.environments) for (const p of input.projects) if (environmentKind(p.name) === 'production') productionProjects.set(p.name, undefined);
  // The writers check runs only where the access file lists writers; elsewhere it says that it did not run.
  if (productionProjects.size === 0) {
    const message = input.environments
      ? l10n.t('Production writers were not checked: the access file declares no production environment and no project is named like production. Declare it with "writers:" in .langfuse/access.yaml to have them checked.')
      : l10n.t('Production writers were not checked: there is no workspace access file and no project is named like production. Declare it with "writers:" in .langfuse/access.yaml to have them checked.');
    findings.push({ code: 'isolation.writersNotChecked', severity: 'info', message });
  }
  for (const [projectName, writers] of productionProjects) {
    const project = input.projects.find(p => p.name === projectName);
    if (!project) continue;
    if (!writers) {
      const message = input.environments
        ? l10n.t('Production writers of {0} were not checked: the access file lists no "writers:" for its production environment. Add "writers: [<e-mail>, …]" to the production environment in .langfuse/access.yaml to have them checked.', projectName)
        : l10n.t('Production writers of {0} were not checked: there is no workspace access file listing them. Add "writers: [<e-mail>, …]" to the production environment in .langfuse/access.yaml to have them checked.', projectName);
      findings.push({ code: 'isolation.writersNotChecked', severity: 'info', project: projectName, message });
      continue;
    }
    const allowed = new Set(writers.map(w => w.toLowerCase()));
    const overrides = input.overrides.get(project.id);
    for (const m of input.members) {
      const role = effectiveProjectRole(m.role, overrides?.find(o => o.userId === m.userId)?.role);
      if (WRITE_ROLES.includes(role) && !(m.email && allowed.has(m.email.toLowerCase()))) {
        findings.push({ code: 'isolation.unlistedWriter', severity: 'warning', project: projectName, message: l10n.t('{0} can write to {1} ({2}) but is not listed among its writers in the access file. Lower their project role to VIEWER, or add them to writers.', m.email ?? m.userId, projectName, role) });
      }
    }
  }
  for (const p of input.projects) {
    const projectKind = environmentKind(p.name);
    if (!projectKind) continue;
    for (const key of input.keys.get(p.id) ?? []) {
      const noteKind = key.note ? environmentKind(key.note) : undefined;
      if (noteKind && noteKind !== projectKind && noteKind !== 'analytics' && projectKind !== 'analytics') {
        findings.push({ code: 'isolation.keyNoteEnvironment', severity: 'warning', project: p.name, message: l10n.t('Key {0} of {1} ({2}) has the note "{3}", which names {4}: a key used in another environment than its project\'s mixes their data. Create a key in the {4} project instead.', key.publicKey, p.name, projectKind, key.note ?? '', noteKind) });
      }
    }
  }
  return findings;
}

function severityLabel(severity: IsolationFinding['severity']): string {
  switch (severity) {
    case 'error': return l10n.t('error');
    case 'warning': return l10n.t('warning');
    case 'info': return l10n.t('info');
  }
}

export function isolationReport(findings: IsolationFinding[], title: string): string {
  const lines = [`# ${l10n.t('Isolation check — {0}', escapeMarkdown(title))}`, '', l10n.t('Checked {0}.', new Date().toISOString()), ''];
  if (findings.length === 0) {
    lines.push(l10n.t('No findings: production, staging and analytics are separate projects, production writers match the access file, and key notes match their projects.'));
    return lines.join('\n');
  }
  lines.push(`| ${l10n.t('Severity')} | ${l10n.t('Project')} | ${l10n.t('Finding')} |`, '|---|---|---|');
  // Messages name projects, members and key notes from the server: escaped as a whole.
  for (const f of findings) lines.push(`| ${severityLabel(f.severity)} | ${f.project ? escapeMarkdown(f.project) : '—'} | ${escapeMarkdown(f.message)} |`);
  return lines.join('\n');
}
