// Writes a first `.langfuse/access.yaml` from the connected organization: one environment per
// project (named after the project's first word: "production-chatbot" → production), the usual file
// names for it, the project's public keys, and the rotation policy. The user reviews it; the file
// records only the connection's id, never where it points.
import { Document, isMap, isPair, isScalar, isSeq } from '../yaml';
import { DEFAULT_ROTATION_MAX_AGE_DAYS } from '../names';

export interface ScaffoldProject {
  name: string;
  publicKeys: readonly string[];
}

const FILES: Record<string, string[]> = {
  production: ['.env.production', 'deploy/prod/*.env'],
  staging: ['.env.staging'],
  development: ['.env.development', '.env.local', '.env'],
};

const ALIASES: ReadonlyArray<[RegExp, string]> = [[/^prod$/, 'production'], [/^stag(e|ing)?$/, 'staging'], [/^dev$/, 'development']];

function environmentName(project: string, taken: ReadonlySet<string>): string {
  const slug = project.split('-')[0].toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '') || 'environment';
  const base = ALIASES.find(([re]) => re.test(slug))?.[1] ?? slug;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

export function scaffoldAccessFile(connection: string, projects: readonly ScaffoldProject[], maxAgeDays: number = DEFAULT_ROTATION_MAX_AGE_DAYS): string {
  const taken = new Set<string>();
  const environments: Record<string, { project: string; files: string[]; publicKeys?: string[] }> = {};
  for (const p of projects) {
    const name = environmentName(p.name, taken);
    taken.add(name);
    environments[name] = { project: p.name, files: FILES[name] ?? [`.env.${name}`], ...(p.publicKeys.length > 0 ? { publicKeys: [...p.publicKeys] } : {}) };
  }
  const doc = new Document({ version: 1, connection, environments, rotation: { maxAgeDays } });
  doc.commentBefore = [
    ' Langfuse Access: which Langfuse project each environment of this repository uses.',
    ' Generated from the connected organization: check the environment names and file patterns.',
    ' Public keys are not secret. Never put a secret key or a host here: "connection" names an',
    ' entry of your settings, and your settings say where it points.',
  ].join('\n');
  // Lists of files and keys read best on one line each.
  const envs = doc.get('environments', true);
  if (isMap(envs)) {
    for (const env of envs.items) {
      if (!isPair(env) || !isMap(env.value)) continue;
      for (const field of env.value.items) {
        if (isPair(field) && isScalar(field.key) && isSeq(field.value)) field.value.flow = true;
      }
    }
  }
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}
