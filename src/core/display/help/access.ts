// --help pages of access as code: export, plan, apply.
import type { CommandHelp, HelpOption } from '../cliHelp';
import { l10n } from '../../l10n/l10n';
import { CliEnv, CONNECTIONS_FILE } from '../../names';
import { actingAsEnv, configEnv, connectionEnv, stateEnv } from './shared';

const connection = (): HelpOption => ({ flag: '--connection NAME', description: l10n.t('an entry of {0} in the config folder; the host never comes from the access file', CONNECTIONS_FILE), default: l10n.t('the file\'s "connection:", else the environment\'s connection') });
const file = (fallback: string): HelpOption => ({ flag: '--file PATH', description: l10n.t('the access file'), default: fallback });

export const EXPORT_USAGE = 'export [--connection NAME] [--file PATH]';
export const exportHelp = (): CommandHelp => ({
  description: l10n.t('Writes who holds which role and which project keys exist into the access file, from the live organization: "organization:" (every member and role) and "projects:" (per project: explicit project roles, NONE included, and the keys by note). Other sections (environments, rotation, ignore) and their comments stay as they are; a key already declared keeps its stores, environment, maxAgeDays and rotate. New keys get rotate: manual and, as stores, the .env files in the repository that hold them. Comments name members and key dates. No secret is read or written. "plan" right after "export" shows no changes. Organization keys are listed in a comment only: the public API cannot manage them. Needs an organization key on a plan with the admin API; the file is written only inside the folder holding .langfuse/, never through a symbolic link.'),
  options: [connection(), file(l10n.t('the nearest .langfuse/access.yaml, else a new one in the working folder'))],
  environment: [...connectionEnv(), actingAsEnv(), configEnv()],
  examples: [
    { command: 'export --connection acme-eu', description: l10n.t('the live organization into the nearest access file') },
    { command: 'export --file infra/.langfuse/access.yaml', description: l10n.t('into a named access file') },
  ],
  exitCodes: { 0: l10n.t('written'), 1: l10n.t('Langfuse refused or failed'), 2: l10n.t('usage, configuration or an invalid file') },
});

export const PLAN_USAGE = 'plan [--file PATH] [--connection NAME] [--format text|json|markdown|sarif] [--detailed-exitcode] [--out FILE] [--verbose]';
export const planHelp = (): CommandHelp => ({
  description: l10n.t('Compares the access file\'s "organization:" and "projects:" sections with the live organization and prints every difference with the exact change that fixes it, grouped by project: add a member (SCIM for unknown emails), change an organization role, set / clear / NONE a project role, remove a member, create a key into its stores, rotate an overdue key declared rotate: auto, revoke an undeclared key of an exhaustive list. Each change carries the guard\'s verdict for the acting identity ({0}, else git user.email): e.g. "would remove the last OWNER — refused". Overdue keys declared rotate: manual are warnings, not changes; items a non-exhaustive list does not name are reported as unmanaged and never touched. The plan records a fingerprint of the live state it was made from; "apply --plan FILE" refuses any change whose live state moved since.', CliEnv.actingAs),
  options: [
    file(l10n.t('the nearest .langfuse/access.yaml')), connection(),
    { flag: '--format text|json|markdown|sarif', description: l10n.t('markdown fits a pull-request comment; json is the plan (save it for "apply --plan"); sarif puts each change on its line of the access file'), default: 'text' },
    { flag: '--out FILE', description: l10n.t('also write the plan as JSON to FILE (for "apply --plan FILE")') },
    { flag: '--detailed-exitcode', description: l10n.t('Terraform\'s exit codes: 0 no changes, 2 changes, 1 any error (usage errors included)') },
    { flag: '--verbose', description: l10n.t('list every unmanaged item'), default: l10n.t('the first five') },
  ],
  environment: [...connectionEnv(), actingAsEnv(), configEnv()],
  examples: [
    { command: 'plan', description: l10n.t('the drift of the nearest access file') },
    { command: 'plan --format markdown > plan.md', description: l10n.t('a pull-request comment') },
    { command: 'plan --out plan.json --detailed-exitcode', description: l10n.t('CI: exit 2 when access drifted; the plan saved for apply') },
  ],
  exitCodes: {
    0: l10n.t('planned (changes or not); with --detailed-exitcode: no changes'),
    1: l10n.t('Langfuse refused or failed; with --detailed-exitcode: any error'),
    2: l10n.t('usage, configuration or an invalid file; with --detailed-exitcode: changes'),
  },
});

export const APPLY_USAGE = 'apply [--plan FILE] [--file PATH] [--connection NAME] [--yes] [--allow-destroy] [--json]';
export const applyHelp = (): CommandHelp => ({
  description: l10n.t('Plans (or takes the plan saved with "plan --out FILE"), shows it, asks once, then makes the changes in a safe order: members added first, revokes and removals last. Before each change it re-reads the live organization: a change whose live state moved since the plan is refused and named (plan again); a change already made is skipped. The guards of the Access view run on every change: the last OWNER is never removed or demoted, nobody grants above their own role, OWNER/ADMIN grants are confirmed twice. Keys are created through the rotation engine: the new secret is kept in a 0600 pending file in the state folder until it is in its declared stores, then wiped — it never goes to stdout, a plan, the journal or the audit log. Overdue keys declared rotate: auto are rotated the same way (the old key is revoked only after the new one is stored and verified). Every change is audited; every step is journaled in the state folder (applies/), so after a kill the next apply reports what was done and finishes the interrupted key creations. Without --yes and without a terminal nothing is changed.'),
  options: [
    { flag: '--plan FILE', description: l10n.t('apply this saved plan (refused if the access file changed since)') },
    file(l10n.t('the plan\'s, else the nearest .langfuse/access.yaml')),
    connection(),
    { flag: '--yes', description: l10n.t('confirm the plan (and OWNER/ADMIN grants, rotation checklists) without asking') },
    { flag: '--allow-destroy', description: l10n.t('also revoke undeclared keys and remove undeclared members of exhaustive lists (--yes alone never does)') },
    { flag: '--json', description: l10n.t('print what was done as JSON'), default: l10n.t('off (text)') },
  ],
  environment: [...connectionEnv(), actingAsEnv(), configEnv(), stateEnv()],
  examples: [
    { command: 'apply', description: l10n.t('plan, show, ask, apply') },
    { command: 'apply --plan plan.json --yes', description: l10n.t('apply exactly the plan reviewed and saved by "plan --out plan.json"') },
    { command: 'apply --yes --allow-destroy', description: l10n.t('also revoke and remove what exhaustive lists leave out') },
  ],
  exitCodes: { 0: l10n.t('every change done (or nothing to do)'), 1: l10n.t('something was refused, moved, skipped, is waiting or failed, or the plan was not confirmed'), 2: l10n.t('usage, configuration or an invalid file') },
});
