// Loads `.langfuse/access.yaml` into a validated AccessConfig, or problems at the exact line and
// column so the editor can underline them and the CLI can print `file:line:col`.
import * as path from 'node:path';
import type { Node as YamlNode } from '../yaml';
import { isMap, isPair, isScalar, isSeq } from '../yaml';
import { parseAccessYaml } from './parsedAccessYaml';
import type { TextRange } from '../env/position';
import { textRange } from '../env/position';
import { isRuleCode } from '../rules/ruleCodes';
import { checkDeclaration } from '../accessAsCode/declarationChecks';
import type { AccessConfig } from './accessSchema';
import { AccessConfig as AccessConfigSchema, HOST_LIKE_KEYS } from './accessSchema';
import { l10n } from '../l10n/l10n';

export interface AccessProblem {
  range: TextRange;
  message: string;
}

export interface LoadedAccessFile {
  /** Path of the access file itself. */
  path: string;
  /** The folder that holds `.langfuse/`: file patterns are relative to it. */
  rootDir: string;
  /** Present only when the file is valid. */
  config: AccessConfig | undefined;
  problems: AccessProblem[];
}

type Path = ReadonlyArray<PropertyKey>;

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
}

/** `rootDir` defaults to the folder holding `.langfuse/` (the access file's grandparent). */
export function parseAccessFile(text: string, filePath: string, rootDir: string = path.dirname(path.dirname(filePath))): LoadedAccessFile {
  const { doc, lineCounter } = parseAccessYaml(text);
  const at = (start: number, end: number): TextRange => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start, end));
    return textRange(a.line - 1, a.col - 1, b.line - 1, b.col - 1);
  };
  const result: LoadedAccessFile = { path: filePath, rootDir, config: undefined, problems: [] };

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      result.problems.push({ range: at(e.pos[0], e.pos[1]), message: `YAML syntax: ${e.message.split('\n')[0]}` });
    }
    return result;
  }

  // toJS() throws on what the parser lets through: an alias used before its anchor, or an alias
  // bomb (yaml's maxAliasCount). A cloned repository can contain either; it is a problem, not a crash.
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    result.problems.push({ range: textRange(0, 0, 0, 0), message: `YAML: ${(err as Error).message.split('\n')[0]}` });
    return result;
  }
  const parsed = AccessConfigSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues as ZodIssueLike[]) {
      for (const p of describeIssue(issue, data)) {
        const node = locate(doc.contents, p.path, p.pointAtKey);
        const range = node?.range ? at(node.range[0], node.range[1]) : textRange(0, 0, 0, 0);
        result.problems.push({ range, message: p.message });
      }
    }
    result.problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return result;
  }

  const config = parsed.data;
  const report = (path: Path, message: string, pointAtKey = false) => {
    const node = locate(doc.contents, path, pointAtKey);
    result.problems.push({ range: node?.range ? at(node.range[0], node.range[1]) : textRange(0, 0, 0, 0), message });
  };
  checkMeaning(config, report);
  checkDeclaration(config, { environments: config.environments, rootDir }, report);
  result.problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (result.problems.length === 0) result.config = config;
  return result;
}

interface DescribedIssue {
  path: Path;
  message: string;
  pointAtKey: boolean;
}

function describeIssue(issue: ZodIssueLike, data: unknown): DescribedIssue[] {
  const where = issue.path.length > 0 ? issue.path.join('.') : l10n.t('the file');
  if (issue.code === 'unrecognized_keys') {
    return (issue.keys ?? []).map(key => ({
      path: [...issue.path, key],
      pointAtKey: true,
      message: HOST_LIKE_KEYS.has(key)
        ? l10n.t('"{0}" is not allowed: hosts never come from the workspace access file, so a cloned repository cannot decide where keys are sent. Name a connection with "connection:" and set its URL in your settings (or the CLI\'s connections file).', key)
        : l10n.t('Unknown field "{0}" in {1}. Check the spelling; the allowed fields are listed in media/schemas/access.schema.json.', key, where),
    }));
  }
  if (issue.code === 'invalid_type') {
    const missing = valueAt(data, issue.path) === undefined;
    const parent = issue.path.slice(0, -1);
    return [missing
      ? { path: parent, pointAtKey: true, message: l10n.t('"{0}" is required in {1}.', String(issue.path[issue.path.length - 1]), parent.length > 0 ? parent.join('.') : l10n.t('the file')) }
      : { path: issue.path, pointAtKey: false, message: l10n.t('{0} must be {1}.', where, article(issue.expected)) }];
  }
  if (issue.code === 'invalid_key') {
    return [{ path: issue.path, pointAtKey: true, message: l10n.t('Environment name "{0}" is not allowed: use letters, digits, ".", "_" and "-".', String(issue.path[issue.path.length - 1])) }];
  }
  // zod's own wording for a value it has no message for; the schema's messages are translated where they are written.
  return [{ path: issue.path, pointAtKey: false, message: issue.message === 'Invalid input' ? l10n.t('{0} is not valid.', where) : l10n.t('{0} {1}.', where, issue.message) }];
}

function article(type: string | undefined): string {
  switch (type) {
    case 'object': return l10n.t('a mapping (key: value lines)');
    case 'array': return l10n.t('a list');
    case 'string': return l10n.t('text');
    case 'number': return l10n.t('a number');
    case 'int': return l10n.t('a whole number');
    default: return type ?? l10n.t('another type');
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** The YAML node at `path`; with pointAtKey, the key node of the last step (for unknown/missing fields). */
export function locate(root: unknown, path: Path, pointAtKey: boolean): YamlNode | undefined {
  let node = root as YamlNode | null | undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(p => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return node;
      if (last && pointAtKey) return pair.key as YamlNode;
      node = pair.value as YamlNode;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node ?? undefined;
    }
  }
  return node ?? undefined;
}

/** Mistakes the schema cannot see: a key claimed by two projects, ignore entries naming no rule. */
function checkMeaning(config: AccessConfig, report: (path: Path, message: string, pointAtKey?: boolean) => void): void {
  const owner = new Map<string, string>();
  for (const [env, e] of Object.entries(config.environments)) {
    (e.publicKeys ?? []).forEach((key, i) => {
      const other = owner.get(key);
      if (other !== undefined && other !== e.project) {
        report(['environments', env, 'publicKeys', i], l10n.t('{0} is listed for project "{1}" too; a key belongs to exactly one project. Remove it from the wrong environment.', key, other));
      }
      owner.set(key, e.project);
    });
  }
  (config.ignore ?? []).forEach((entry, i) => {
    if (!isRuleCode(entry.rule)) {
      report(['ignore', i, 'rule'], l10n.t('"{0}" is not a finding code; use a code shown with the finding (e.g. "shared-key").', entry.rule));
    }
  });
}
