// Mistakes in the access-as-code sections that the schema cannot see, reported at the exact node:
// one email listed twice, two keys with one note (keys are matched by note), a key's environment
// that is not an environment of this project, a project role for someone an exhaustive organization
// list would remove, a store that is not a valid target or an `env:` file outside the repository.
import * as path from 'node:path';
import type { Declaration } from './declaration';
import { sameEmail } from './declaration';
import { l10n } from '../l10n/l10n';

type Report = (path: ReadonlyArray<PropertyKey>, message: string, pointAtKey?: boolean) => void;

interface FileFacts {
  environments: Record<string, { project: string }>;
  /** The folder holding `.langfuse/`: `env:` stores are relative to it and must stay inside it. */
  rootDir?: string;
}

export function checkDeclaration(d: Declaration, file: FileFacts, report: Report): void {
  const orgMembers = d.organization?.members ?? [];
  duplicates(orgMembers.map(m => m.email.toLowerCase()), i => report(['organization', 'members', i, 'email'], l10n.t('{0} is listed twice in organization.members; list each member once.', orgMembers[i].email)));
  for (const [name, project] of Object.entries(d.projects ?? {})) {
    const members = project.members ?? [];
    duplicates(members.map(m => m.email.toLowerCase()), i => report(['projects', name, 'members', i, 'email'], l10n.t('{0} is listed twice in the members of {1}; a member has one project role.', members[i].email, name)));
    if (d.organization?.exhaustive) {
      members.forEach((m, i) => {
        if (!orgMembers.some(o => sameEmail(o.email, m.email))) {
          report(['projects', name, 'members', i, 'email'], l10n.t('{0} has a project role in {1} but is not in the exhaustive organization list, which would remove them from the organization. Add them to organization.members (NONE gives no access beyond their project roles).', m.email, name));
        }
      });
    }
    const keys = project.keys ?? [];
    duplicates(keys.map(k => k.note), i => report(['projects', name, 'keys', i, 'note'], l10n.t('Two keys of {0} have the note "{1}"; keys are matched by note, so each note must be unique in its project.', name, keys[i].note)));
    keys.forEach((k, i) => {
      if (k.environment !== undefined) {
        const env = file.environments[k.environment];
        if (!env) report(['projects', name, 'keys', i, 'environment'], l10n.t('There is no environment "{0}" in this file (environments: {1}).', k.environment, Object.keys(file.environments).join(', ') || l10n.t('none')));
        else if (env.project !== name) report(['projects', name, 'keys', i, 'environment'], l10n.t('Environment "{0}" uses project {1}, not {2}: a key belongs to exactly one project.', k.environment, env.project, name));
      }
      duplicates(k.stores, j => report(['projects', name, 'keys', i, 'stores', j], l10n.t('The store {0} is listed twice.', k.stores[j])));
      k.stores.forEach((s, j) => {
        const problem = storeSyntaxProblem(s, file.rootDir);
        if (problem) report(['projects', name, 'keys', i, 'stores', j], problem);
      });
    });
  }
}

/** What is wrong with a store as written in the file (before any file system or network check). */
export function storeSyntaxProblem(store: string, rootDir: string | undefined): string | undefined {
  if (store.startsWith('env:')) {
    const rel = store.slice(4);
    if (path.isAbsolute(rel) || rel.startsWith('~')) return l10n.t('{0}: write env: stores relative to the repository (e.g. env:.env.production); a repository must not name files outside itself.', store);
    if (rootDir !== undefined) {
      const abs = path.resolve(rootDir, rel);
      const back = path.relative(rootDir, abs);
      if (back === '' || back.startsWith('..') || path.isAbsolute(back)) return l10n.t('{0} lies outside the repository (the folder holding .langfuse/): refused.', store);
    }
  }
  return undefined;
}

function duplicates(values: readonly string[], report: (index: number) => void): void {
  const seen = new Set<string>();
  values.forEach((v, i) => { if (seen.has(v)) report(i); seen.add(v); });
}
