import { escapeMarkdown } from '../display/markdown';
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
    if (envs.length > 1) findings.push({ code: 'isolation.sharedProject', severity: 'error', project, message: `The environments ${envs.join(' and ')} share the project ${project}: their traces, prompts and keys are not separated. Give each environment its own project.` });
  }
  for (const p of input.projects) {
    const kinds = environmentKinds(p.name).filter(k => k !== 'analytics');
    if (kinds.length > 1) findings.push({ code: 'isolation.mixedProject', severity: 'warning', project: p.name, message: `${p.name} names several environments (${kinds.join(', ')}); one project per environment keeps keys and access apart.` });
  }
  const kinds = new Set(input.projects.map(p => environmentKind(p.name)).filter((k): k is EnvironmentKind => !!k));
  if (input.projects.length > 0 && !(kinds.has('production') && (kinds.has('staging') || kinds.has('development')))) {
    findings.push({ code: 'isolation.noSeparation', severity: 'warning', message: `No separate production and staging projects found by name (${input.projects.map(p => p.name).join(', ')}). Best practice: separate projects for production, staging and analytics; never share keys across environments.` });
  }
  const productionProjects = new Map<string, string[] | undefined>();
  for (const [env, e] of Object.entries(input.environments ?? {})) if (environmentKind(env) === 'production') productionProjects.set(e.project, e.writers);
  if (!input.environments) for (const p of input.projects) if (environmentKind(p.name) === 'production') productionProjects.set(p.name, undefined);
  // The writers check runs only where the access file lists writers; elsewhere it says that it did not run.
  if (productionProjects.size === 0) {
    findings.push({ code: 'isolation.writersNotChecked', severity: 'info', message: `Production writers were not checked: ${input.environments ? 'the access file declares no production environment' : 'there is no workspace access file'} and no project is named like production. Declare it with "writers:" in .langfuse/access.yaml to have them checked.` });
  }
  for (const [projectName, writers] of productionProjects) {
    const project = input.projects.find(p => p.name === projectName);
    if (!project) continue;
    if (!writers) {
      findings.push({ code: 'isolation.writersNotChecked', severity: 'info', project: projectName, message: `Production writers of ${projectName} were not checked: ${input.environments ? 'the access file lists no "writers:" for its production environment' : 'there is no workspace access file listing them'}. Add "writers: [<e-mail>, …]" to the production environment in .langfuse/access.yaml to have them checked.` });
      continue;
    }
    const allowed = new Set(writers.map(w => w.toLowerCase()));
    const overrides = input.overrides.get(project.id);
    for (const m of input.members) {
      const role = effectiveProjectRole(m.role, overrides?.find(o => o.userId === m.userId)?.role);
      if (WRITE_ROLES.includes(role) && !(m.email && allowed.has(m.email.toLowerCase()))) {
        findings.push({ code: 'isolation.unlistedWriter', severity: 'warning', project: projectName, message: `${m.email ?? m.userId} can write to ${projectName} (${role}) but is not listed among its writers in the access file. Lower their project role to VIEWER, or add them to writers.` });
      }
    }
  }
  for (const p of input.projects) {
    const projectKind = environmentKind(p.name);
    if (!projectKind) continue;
    for (const key of input.keys.get(p.id) ?? []) {
      const noteKind = key.note ? environmentKind(key.note) : undefined;
      if (noteKind && noteKind !== projectKind && noteKind !== 'analytics' && projectKind !== 'analytics') {
        findings.push({ code: 'isolation.keyNoteEnvironment', severity: 'warning', project: p.name, message: `Key ${key.publicKey} of ${p.name} (${projectKind}) has the note "${key.note}", which names ${noteKind}: a key used in another environment than its project's mixes their data. Create a key in the ${noteKind} project instead.` });
      }
    }
  }
  return findings;
}

export function isolationReport(findings: IsolationFinding[], title: string): string {
  const lines = [`# Isolation check — ${escapeMarkdown(title)}`, '', `Checked ${new Date().toISOString()}.`, ''];
  if (findings.length === 0) {
    lines.push('No findings: production, staging and analytics are separate projects, production writers match the access file, and key notes match their projects.');
    return lines.join('\n');
  }
  lines.push('| Severity | Project | Finding |', '|---|---|---|');
  // Messages name projects, members and key notes from the server: escaped as a whole.
  for (const f of findings) lines.push(`| ${f.severity} | ${f.project ? escapeMarkdown(f.project) : '—'} | ${escapeMarkdown(f.message)} |`);
  return lines.join('\n');
}
