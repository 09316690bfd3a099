import * as path from 'node:path';
import type { Document, Node, Pair } from '../yaml';
import { isMap, isScalar, isSeq, parseDocument } from '../yaml';
import { parseEnv } from '../env/envParser';
import { ComplianceCodes } from './complianceCodes';
import type { ProjectEnv } from './composeEnv';
import { envFileSettings, readProjectEnv } from './composeEnv';
import type { FileReader } from './fileReader';
import { hasInterpolation, interpolate } from './interpolate';
import { TextIndex } from './textIndex';
import type { DeploymentFile, DeploymentFinding, DeploymentTarget, ImageRef, InsertPoint, Setting } from './types';
import { deref, mapGet, nodeStartRange, scalarRange, scalarText, yamlProblems } from './yamlNodes';
import { l10n } from '../l10n/l10n';

const WEB_IMAGE = /(^|\/)langfuse\/langfuse(:|@|$)/;
const WORKER_IMAGE = /(^|\/)langfuse\/langfuse-worker(:|@|$)/;

/**
 * Reads a docker-compose file: per service its image, `env_file` settings (pointing into those files)
 * and `environment` (list or map, `<<` merges followed), with `${VAR}` resolved from the project's .env
 * — or from `envFiles`, the files `docker compose --env-file` would be given. Broken YAML becomes a
 * finding, never an exception.
 */
export function readComposeFile(file: string, text: string, read: FileReader, envFiles?: readonly string[]): DeploymentFile {
  const index = new TextIndex(text);
  const doc = parseDocument(text, { uniqueKeys: false, merge: false });
  const problems = yamlProblems(file, doc, index, 'compose');
  const env = readProjectEnv(file, read, envFiles);
  const result: DeploymentFile = { file, kind: 'compose', targets: [], otherImages: [], problems, interpolationFiles: env.files, envFiles: [] };
  if (problems.length > 0) return result;
  const services = mapGet(doc, doc.contents, 'services');
  if (!services || !isMap(services.value)) return result;
  for (const pair of services.value.items) {
    if (!isScalar(pair.key)) continue;
    const service = deref(doc, pair.value);
    if (!isMap(service)) continue;
    const target = readService(doc, text, index, file, String(pair.key.value), pair as Pair<Node, unknown>, env, read, problems, result.envFiles!);
    if (target.role === 'other') result.otherImages.push(...target.images);
    result.targets.push(target);
  }
  return result;
}

function readService(doc: Document, text: string, index: TextIndex, file: string, name: string, pair: Pair<Node, unknown>,
  env: ProjectEnv, read: FileReader, problems: DeploymentFinding[], envFilesRead: string[]): DeploymentTarget {
  const service = deref(doc, pair.value);
  const images: ImageRef[] = [];
  const image = mapGet(doc, service, 'image');
  if (image && isScalar(image.value)) {
    const raw = scalarText(text, image.value) ?? '';
    const r = interpolate(raw, env.vars);
    images.push({ raw, resolved: r.value ?? raw, ...(r.unresolved.length ? { unresolved: r.unresolved } : {}), file, range: scalarRange(index, image.value) });
  }
  const resolvedImage = images[0]?.resolved ?? '';
  const role = WORKER_IMAGE.test(resolvedImage) ? 'worker'
    : WEB_IMAGE.test(resolvedImage) ? 'web'
      : !image && /langfuse-worker/.test(name) ? 'worker'
        : !image && /^langfuse(-web|-server)?$/.test(name) ? 'web' : 'other';

  const settings = new Map<string, Setting>();
  readEnvFiles(doc, text, index, file, service, env, read, settings, problems, envFilesRead);
  const environment = mapGet(doc, service, 'environment');
  let insertAt: InsertPoint;
  const keyRange = nodeStartRange(index, pair.key);
  if (environment && (isMap(environment.value) || isSeq(environment.value))) {
    readEnvironment(doc, text, index, file, environment.value, env, settings);
    insertAt = environmentInsertPoint(index, file, environment.value as Node);
  } else {
    const first = isMap(service) ? service.items[0]?.key as Node | undefined : undefined;
    const indent = first?.range ? ' '.repeat(index.position(first.range[0]).character) : `${' '.repeat(keyRange.start.character)}  `;
    insertAt = { style: 'compose-new-block', file, position: { line: keyRange.start.line + 1, character: 0 }, indent };
  }
  const anchor = environment ? nodeStartRange(index, environment.pair.key) : keyRange;
  return { file, kind: 'compose', name, role, settings, images, anchor, insertAt };
}

function readEnvFiles(doc: Document, text: string, index: TextIndex, file: string, service: unknown, env: ProjectEnv,
  read: FileReader, settings: Map<string, Setting>, problems: DeploymentFinding[], envFilesRead: string[]): void {
  const envFile = mapGet(doc, service, 'env_file');
  if (!envFile) return;
  const items = isSeq(envFile.value) ? envFile.value.items.map(i => deref(doc, i)) : [envFile.value];
  for (const item of items) {
    let pathNode: unknown = item;
    let required = true;
    if (isMap(item)) {
      pathNode = mapGet(doc, item, 'path')?.value;
      required = String(scalarText(text, mapGet(doc, item, 'required')?.value) ?? 'true') !== 'false';
    }
    const rel = scalarText(text, pathNode);
    if (rel === undefined) continue;
    const resolvedRel = interpolate(rel, env.vars).value ?? rel;
    const envPath = path.resolve(path.dirname(file), resolvedRel);
    if (!envFilesRead.includes(envPath)) envFilesRead.push(envPath);
    const envText = read(envPath);
    if (envText === undefined) {
      if (required) {
        problems.push({
          file, range: scalarRange(index, pathNode as Node), code: 'env-file-missing', severity: ComplianceCodes['env-file-missing'].severity, fixes: [],
          message: l10n.t('env_file {0} does not exist (looked for {1}); docker compose refuses to start the service without it, and its settings could not be checked.', rel, envPath),
        });
      }
      continue;
    }
    for (const [name, setting] of envFileSettings(envPath, parseEnv(envText).entries, `env_file ${rel}`, env.vars)) settings.set(name, setting);
  }
}

/**
 * `merged` holds the maps already merged through `<<` for this service: merging a map twice adds
 * nothing, and skipping it stops self-referencing anchors and merge "bombs" (each level merging the
 * previous one twice) from recursing forever or exponentially.
 */
function readEnvironment(doc: Document, text: string, index: TextIndex, file: string, node: unknown, env: ProjectEnv, settings: Map<string, Setting>, merged = new Set<unknown>()): void {
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!isScalar(item) || !item.range) continue;
      const raw = scalarText(text, item);
      if (raw === undefined) continue;
      const startOffset = item.range[0] + (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE' ? 1 : 0);
      const eq = raw.indexOf('=');
      const name = (eq >= 0 ? raw.slice(0, eq) : raw).trim();
      const keyRange = index.range(startOffset, startOffset + (eq >= 0 ? eq : raw.length));
      if (eq < 0) {
        settings.set(name, hostEnvSetting(name, file, keyRange, env));
        continue;
      }
      // Offsets inside a quoted item are exact unless it uses escapes (rare in compose files).
      const valueRange = index.range(startOffset + eq + 1, startOffset + raw.length);
      settings.set(name, valueSetting(name, raw.slice(eq + 1), file, keyRange, valueRange, env));
    }
    return;
  }
  if (!isMap(node)) return;
  // Merged keys first: the map's own keys win over `<<` ones wherever they are written (YAML merge rules).
  const isMerge = (p: { key: unknown }): boolean => isScalar(p.key) && p.key.value === '<<';
  for (const pair of [...node.items.filter(isMerge), ...node.items.filter(p => !isMerge(p))]) {
    if (isScalar(pair.key) && pair.key.value === '<<') {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const target = deref(doc, source);
        if (merged.has(target) || target === node) continue;
        merged.add(target);
        readEnvironment(doc, text, index, file, target, env, settings, merged);
      }
      continue;
    }
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const name = String(pair.key.value);
    const keyRange = scalarRange(index, pair.key);
    const value = deref(doc, pair.value);
    const raw = scalarText(text, value);
    if (raw === undefined || !isScalar(value)) {
      settings.set(name, hostEnvSetting(name, file, keyRange, env));
      continue;
    }
    settings.set(name, valueSetting(name, raw, file, keyRange, scalarRange(index, value), env));
  }
}

function valueSetting(name: string, raw: string, file: string, keyRange: Setting['keyRange'], valueRange: Setting['valueRange'], env: ProjectEnv): Setting {
  if (!hasInterpolation(raw)) return { name, value: raw.replace(/\$\$/g, '$'), file, keyRange, valueRange, literal: true, origin: 'environment' };
  const r = interpolate(raw, env.vars);
  // The variable that decides the value: the first one left unresolved, else the first one used.
  const variable = r.unresolved[0] ?? r.variables[0];
  const fromEnv = r.value === undefined ? undefined : env.entries.get(variable);
  return {
    name, value: r.value, file, keyRange, valueRange, literal: false, origin: 'environment',
    reference: { kind: 'interpolation', variable, usedDefault: r.usedDefault, ...(fromEnv && !r.usedDefault ? { resolvedIn: { file: fromEnv.file, range: fromEnv.valueRange } } : {}) },
  };
}

/** `KEY` with no value: Compose v2 passes the shell's value, or the project .env's when the shell has none. */
function hostEnvSetting(name: string, file: string, keyRange: Setting['keyRange'], env: ProjectEnv): Setting {
  const fromEnv = env.vars.has(name) ? env.entries.get(name) : undefined;
  return {
    name, value: fromEnv?.value, file, keyRange, valueRange: { start: keyRange.end, end: keyRange.end }, literal: false, origin: 'environment',
    reference: fromEnv
      ? { kind: 'interpolation', variable: name, resolvedIn: { file: fromEnv.file, range: fromEnv.valueRange } }
      : { kind: 'host-env', variable: name },
  };
}

function environmentInsertPoint(index: TextIndex, file: string, node: Node): InsertPoint {
  const items = (isSeq(node) || isMap(node)) ? node.items : [];
  const last = items[items.length - 1] as unknown;
  const lastNode = (isMap(node) ? (last as Pair<Node, Node> | undefined)?.key : last) as Node | undefined;
  const end = (isMap(node) ? ((last as Pair<Node, Node> | undefined)?.value ?? lastNode) : lastNode) as Node | undefined;
  if (!lastNode?.range || !end?.range) {
    const at = index.position(node.range?.[0] ?? 0);
    return { style: isSeq(node) ? 'compose-list' : 'compose-map', file, position: { line: at.line + 1, character: 0 }, indent: ' '.repeat(at.character + 2) };
  }
  const startCol = index.position(lastNode.range[0]).character;
  const endLine = index.position(end.range[1]).line;
  const indent = ' '.repeat(isSeq(node) ? Math.max(0, startCol - 2) : startCol);
  return { style: isSeq(node) ? 'compose-list' : 'compose-map', file, position: { line: endLine + 1, character: 0 }, indent };
}
