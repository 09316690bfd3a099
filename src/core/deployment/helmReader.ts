import type { Document, Node } from '../yaml';
import { isMap, isScalar, isSeq, parseDocument } from '../yaml';
import type { TextIndex as TextIndexType } from './textIndex';
import { TextIndex } from './textIndex';
import type { DeploymentFile, ImageRef, InsertPoint, Setting } from './types';
import { deref, mapGet, nodeStartRange, scalarRange, scalarText, yamlProblems } from './yamlNodes';

/** Values of the langfuse-k8s chart that become Langfuse environment variables. */
const VALUE_PATHS: { path: string[]; env: string }[] = [
  { path: ['langfuse', 'nextauth', 'secret'], env: 'NEXTAUTH_SECRET' },
  { path: ['langfuse', 'nextauth', 'url'], env: 'NEXTAUTH_URL' },
  { path: ['langfuse', 'salt'], env: 'SALT' },
  { path: ['langfuse', 'encryptionKey'], env: 'ENCRYPTION_KEY' },
  { path: ['langfuse', 'licenseKey'], env: 'LANGFUSE_EE_LICENSE_KEY' },
  // chart 0.x `nextPublicSignUpDisabled` (same server effect, docs/langfuse-behaviour.md §5.2) and 1.x `features.signUpDisabled`
  { path: ['langfuse', 'nextPublicSignUpDisabled'], env: 'NEXT_PUBLIC_SIGN_UP_DISABLED' },
  { path: ['langfuse', 'features', 'signUpDisabled'], env: 'AUTH_DISABLE_SIGNUP' },
];

/** Bundled dependencies' passwords, whose chart defaults are published placeholders. */
const DEPENDENCY_SECRETS: { path: string[]; name: string }[] = [
  { path: ['postgresql', 'auth', 'password'], name: 'postgresql.auth.password' },
  { path: ['clickhouse', 'auth', 'password'], name: 'clickhouse.auth.password' },
  { path: ['valkey', 'auth', 'password'], name: 'valkey.auth.password' },
  { path: ['redis', 'auth', 'password'], name: 'redis.auth.password' },
  { path: ['minio', 'auth', 'rootPassword'], name: 'minio.auth.rootPassword' },
  { path: ['s3', 'secretAccessKey'], name: 's3.secretAccessKey' },
];

const IMAGE_PATHS = [['image'], ['langfuse', 'image'], ['langfuse', 'web', 'image'], ['langfuse', 'worker', 'image']];

function getPath(doc: Document, path: string[]): { key: Node; value: unknown } | undefined {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const part of path) {
    const hit = mapGet(doc, node, part);
    if (!hit) return undefined;
    key = hit.pair.key as Node;
    node = hit.value;
  }
  return key ? { key, value: node } : undefined;
}

/**
 * A chart value that is a plain string (chart 0.x) or `{ value, secretKeyRef: { name, key } }` (1.x).
 * A filled `value` is literal; a `secretKeyRef` with a name points at a Kubernetes Secret.
 */
function valueSetting(doc: Document, text: string, index: TextIndexType, file: string, env: string, origin: string, key: Node, value: unknown): Setting | undefined {
  const keyRange = scalarRange(index, key);
  if (isScalar(value)) {
    const raw = scalarText(text, value);
    if (raw === undefined) return undefined;
    return { name: env, value: raw, file, keyRange, valueRange: scalarRange(index, value as Node), literal: true, origin };
  }
  if (!isMap(value)) return undefined;
  const ref = mapGet(doc, value, 'secretKeyRef');
  const refName = scalarText(text, mapGet(doc, ref?.value, 'name')?.value);
  const refKey = scalarText(text, mapGet(doc, ref?.value, 'key')?.value);
  if (refName) {
    return {
      name: env, value: undefined, file, keyRange, valueRange: nodeStartRange(index, ref!.pair.key), literal: false, origin: `${origin}.secretKeyRef`,
      reference: { kind: 'kubernetes', description: `Secret ${refName}${refKey ? `, key ${refKey}` : ''}` },
    };
  }
  const plain = mapGet(doc, value, 'value');
  const raw = scalarText(text, plain?.value);
  if (plain && raw !== undefined && raw !== '') {
    return { name: env, value: raw, file, keyRange: scalarRange(index, plain.pair.key as Node), valueRange: scalarRange(index, plain.value as Node), literal: true, origin: `${origin}.value` };
  }
  return undefined; // `{ value: "", secretKeyRef: { name: "" } }` is the chart's "not set"
}

function readAdditionalEnv(doc: Document, text: string, index: TextIndexType, file: string, list: unknown, settings: Map<string, Setting>): void {
  if (!isSeq(list)) return;
  for (const raw of list.items) {
    const item = deref(doc, raw);
    const nameHit = mapGet(doc, item, 'name');
    const name = scalarText(text, nameHit?.value);
    if (!nameHit || !name) continue;
    const keyRange = scalarRange(index, nameHit.value as Node);
    const value = mapGet(doc, item, 'value');
    const valueFrom = mapGet(doc, item, 'valueFrom');
    if (valueFrom) {
      const ref = mapGet(doc, valueFrom.value, 'secretKeyRef') ?? mapGet(doc, valueFrom.value, 'configMapKeyRef');
      const refName = scalarText(text, mapGet(doc, ref?.value, 'name')?.value) ?? 'a Kubernetes object';
      settings.set(name, {
        name, value: undefined, file, keyRange, valueRange: nodeStartRange(index, valueFrom.pair.key), literal: false, origin: 'langfuse.additionalEnv',
        reference: { kind: 'kubernetes', description: `${ref ? String((ref.pair.key as { value?: unknown }).value) : 'valueFrom'} ${refName}` },
      });
    } else if (value) {
      const v = scalarText(text, value.value) ?? '';
      settings.set(name, { name, value: v, file, keyRange, valueRange: isScalar(value.value) ? scalarRange(index, value.value as Node) : keyRange, literal: true, origin: 'langfuse.additionalEnv' });
    }
  }
}

function additionalEnvInsertPoint(doc: Document, index: TextIndexType, file: string): InsertPoint | undefined {
  const list = getPath(doc, ['langfuse', 'additionalEnv']);
  if (list && isSeq(list.value) && list.value.items.length > 0 && !list.value.flow) {
    const last = list.value.items[list.value.items.length - 1] as Node;
    const first = list.value.items[0] as Node;
    const col = index.position(first.range![0]).character;
    return { style: 'helm-additional-env', file, position: { line: lastLine(index, last) + 1, character: 0 }, indent: ' '.repeat(Math.max(0, col - 2)), createList: false };
  }
  const langfuse = getPath(doc, ['langfuse']);
  if (!langfuse || !isMap(langfuse.value) || list) return undefined;
  const firstKey = langfuse.value.items[0]?.key as Node | undefined;
  const col = firstKey?.range ? index.position(firstKey.range[0]).character : 2;
  return { style: 'helm-additional-env', file, position: { line: index.position(langfuse.key.range![0]).line + 1, character: 0 }, indent: ' '.repeat(col), createList: true };
}

/** The last line holding text of a node (its range may end at the start of the next line). */
function lastLine(index: TextIndexType, node: Node): number {
  const end = index.position(node.range![1]);
  return end.character === 0 && end.line > 0 ? end.line - 1 : end.line;
}

/** Reads a langfuse-k8s values file (chart 0.x and 1.x shapes) into one target for the release. */
export function readHelmValues(file: string, source: string): DeploymentFile {
  const index = new TextIndex(source);
  const doc = parseDocument(source, { uniqueKeys: false });
  const problems = yamlProblems(file, doc, index, 'helm');
  const result: DeploymentFile = { file, kind: 'helm', targets: [], otherImages: [], problems };
  if (problems.length > 0) return result;
  const settings = new Map<string, Setting>();
  for (const { path, env } of VALUE_PATHS) {
    const hit = getPath(doc, path);
    if (!hit) continue;
    const s = valueSetting(doc, source, index, file, env, path.join('.'), hit.key, hit.value);
    if (s) settings.set(env, s);
  }
  readAdditionalEnv(doc, source, index, file, getPath(doc, ['langfuse', 'additionalEnv'])?.value, settings);

  const images: ImageRef[] = [];
  for (const p of IMAGE_PATHS) {
    const img = getPath(doc, p);
    if (!img || !isMap(img.value)) continue;
    const repo = scalarText(source, mapGet(doc, img.value, 'repository')?.value) ?? 'langfuse/langfuse';
    const tag = mapGet(doc, img.value, 'tag');
    const tagText = scalarText(source, tag?.value);
    // No tag: the chart uses its appVersion, which the chart version pins.
    if (tag && tagText !== undefined && tagText !== '') {
      images.push({ raw: `${repo}:${tagText}`, resolved: `${repo}:${tagText}`, file, range: scalarRange(index, tag.value as Node) });
    }
  }

  const langfuse = getPath(doc, ['langfuse']);
  const anchor = langfuse ? scalarRange(index, langfuse.key) : index.range(0, 0);
  result.targets.push({
    file, kind: 'helm', name: 'Helm values (langfuse-k8s)', role: 'server', settings, images, anchor,
    insertAt: additionalEnvInsertPoint(doc, index, file),
  });

  const deps = new Map<string, Setting>();
  for (const { path, name } of DEPENDENCY_SECRETS) {
    const hit = getPath(doc, path);
    if (!hit) continue;
    const s = valueSetting(doc, source, index, file, name, path.join('.'), hit.key, hit.value);
    if (s) deps.set(name, s);
  }
  if (deps.size > 0) result.targets.push({ file, kind: 'helm', name: 'bundled dependencies', role: 'other', settings: deps, images: [], anchor });
  return result;
}
