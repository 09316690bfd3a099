// --help pages of access as code: export, plan, apply.
import type { CommandHelp, HelpOption } from '../cliHelp';
import { CliEnv, CONNECTIONS_FILE } from '../../names';
import { ACTING_AS_ENV, CONFIG_ENV, CONNECTION_ENV, STATE_ENV } from './shared';

const CONNECTION: HelpOption = { flag: '--connection NAME', description: `an entry of ${CONNECTIONS_FILE} in the config folder; the host never comes from the access file`, default: 'the file\'s "connection:", else the environment\'s connection' };
const FILE: HelpOption = { flag: '--file PATH', description: 'the access file', default: 'the nearest .langfuse/access.yaml' };

export const EXPORT_USAGE = 'export [--connection NAME] [--file PATH]';
export const EXPORT_HELP: CommandHelp = {
  description: 'Writes who holds which role and which project keys exist into the access file, from the live organization: "organization:" (every member and role) and "projects:" (per project: explicit project roles, NONE included, and the keys by note). Other sections (environments, rotation, ignore) and their comments stay as they are; a key already declared keeps its stores, environment, maxAgeDays and rotate. New keys get rotate: manual and, as stores, the .env files in the repository that hold them. Comments name members and key dates. No secret is read or written. "plan" right after "export" shows no changes. Organization keys are listed in a comment only: the public API cannot manage them. Needs an organization key on a plan with the admin API; the file is written only inside the folder holding .langfuse/, never through a symbolic link.',
  options: [CONNECTION, { ...FILE, default: 'the nearest .langfuse/access.yaml, else a new one in the working folder' }],
  environment: [...CONNECTION_ENV, ACTING_AS_ENV, CONFIG_ENV],
  examples: [
    { command: 'export --connection acme-eu', description: 'the live organization into the nearest access file' },
    { command: 'export --file infra/.langfuse/access.yaml', description: 'into a named access file' },
  ],
  exitCodes: { 0: 'written', 1: 'Langfuse refused or failed', 2: 'usage, configuration or an invalid file' },
};

export const PLAN_USAGE = 'plan [--file PATH] [--connection NAME] [--format text|json|markdown|sarif] [--detailed-exitcode] [--out FILE] [--verbose]';
export const PLAN_HELP: CommandHelp = {
  description: `Compares the access file's "organization:" and "projects:" sections with the live organization and prints every difference with the exact change that fixes it, grouped by project: add a member (SCIM for unknown emails), change an organization role, set / clear / NONE a project role, remove a member, create a key into its stores, rotate an overdue key declared rotate: auto, revoke an undeclared key of an exhaustive list. Each change carries the guard's verdict for the acting identity (${CliEnv.actingAs}, else git user.email): e.g. "would remove the last OWNER — refused". Overdue keys declared rotate: manual are warnings, not changes; items a non-exhaustive list does not name are reported as unmanaged and never touched. The plan records a fingerprint of the live state it was made from; "apply --plan FILE" refuses any change whose live state moved since.`,
  options: [
    FILE, CONNECTION,
    { flag: '--format text|json|markdown|sarif', description: 'markdown fits a pull-request comment; json is the plan (save it for "apply --plan"); sarif puts each change on its line of the access file', default: 'text' },
    { flag: '--out FILE', description: 'also write the plan as JSON to FILE (for "apply --plan FILE")' },
    { flag: '--detailed-exitcode', description: 'Terraform\'s exit codes: 0 no changes, 2 changes, 1 any error (usage errors included)' },
    { flag: '--verbose', description: 'list every unmanaged item', default: 'the first five' },
  ],
  environment: [...CONNECTION_ENV, ACTING_AS_ENV, CONFIG_ENV],
  examples: [
    { command: 'plan', description: 'the drift of the nearest access file' },
    { command: 'plan --format markdown > plan.md', description: 'a pull-request comment' },
    { command: 'plan --out plan.json --detailed-exitcode', description: 'CI: exit 2 when access drifted; the plan saved for apply' },
  ],
  exitCodes: { 0: 'planned (changes or not); with --detailed-exitcode: no changes', 1: 'Langfuse refused or failed; with --detailed-exitcode: any error', 2: 'usage, configuration or an invalid file; with --detailed-exitcode: changes' },
};

export const APPLY_USAGE = 'apply [--plan FILE] [--file PATH] [--connection NAME] [--yes] [--allow-destroy] [--json]';
export const APPLY_HELP: CommandHelp = {
  description: 'Plans (or takes the plan saved with "plan --out FILE"), shows it, asks once, then makes the changes in a safe order: members added first, revokes and removals last. Before each change it re-reads the live organization: a change whose live state moved since the plan is refused and named (plan again); a change already made is skipped. The guards of the Access view run on every change: the last OWNER is never removed or demoted, nobody grants above their own role, OWNER/ADMIN grants are confirmed twice. Keys are created through the rotation engine: the new secret is kept in a 0600 pending file in the state folder until it is in its declared stores, then wiped — it never goes to stdout, a plan, the journal or the audit log. Overdue keys declared rotate: auto are rotated the same way (the old key is revoked only after the new one is stored and verified). Every change is audited; every step is journaled in the state folder (applies/), so after a kill the next apply reports what was done and finishes the interrupted key creations. Without --yes and without a terminal nothing is changed.',
  options: [
    { flag: '--plan FILE', description: 'apply this saved plan (refused if the access file changed since)' },
    { ...FILE, default: 'the plan\'s, else the nearest .langfuse/access.yaml' },
    CONNECTION,
    { flag: '--yes', description: 'confirm the plan (and OWNER/ADMIN grants, rotation checklists) without asking' },
    { flag: '--allow-destroy', description: 'also revoke undeclared keys and remove undeclared members of exhaustive lists (--yes alone never does)' },
    { flag: '--json', description: 'print what was done as JSON', default: 'off (text)' },
  ],
  environment: [...CONNECTION_ENV, ACTING_AS_ENV, CONFIG_ENV, STATE_ENV],
  examples: [
    { command: 'apply', description: 'plan, show, ask, apply' },
    { command: 'apply --plan plan.json --yes', description: 'apply exactly the plan reviewed and saved by "plan --out plan.json"' },
    { command: 'apply --yes --allow-destroy', description: 'also revoke and remove what exhaustive lists leave out' },
  ],
  exitCodes: { 0: 'every change done (or nothing to do)', 1: 'something was refused, moved, skipped, is waiting or failed, or the plan was not confirmed', 2: 'usage, configuration or an invalid file' },
};
