// Writes an exported declaration into the access file's text with the yaml document API: the
// `connection`, `organization` and `projects` sections are replaced where they stand (or appended),
// every other byte of the file stays as it was — environments, rotation, ignore entries and their
// comments. Entries the file already had (a member by email, a key by note) are kept as nodes, so
// their comments and the user's choices survive; new ones get a comment with names and dates.
import { l10n } from '../l10n/l10n';
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, YAMLSeq } from '../yaml';
import type { Node as YamlNode, YAMLMap } from '../yaml';
import type { ExportedDeclaration, ExportedKey, ExportedMember } from './exportDeclaration';

export interface ExportMeta {
  connection: string | undefined;
  host: string;
  /** ISO date of the export. */
  date: string;
  actor?: string;
  /** false: leave the organization section as the file has it (an export of some projects only). */
  organization?: boolean;
}

export function writeExportedYaml(text: string | undefined, exported: ExportedDeclaration, meta: ExportMeta): string {
  const original = text ?? 'version: 1\n';
  const doc = parseDocument(original);
  if (doc.errors.length) throw new Error(l10n.t('The access file has YAML errors; fix them first ({0}).', doc.errors[0].message.split('\n')[0]));
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error(l10n.t('The access file must be a mapping (key: value lines) to export into it.'));
  const root = doc.contents as YAMLMap | null;
  const existing = (key: string) => (root?.get(key, true) as YamlNode | undefined);
  const sections: [string, unknown][] = [];
  if (meta.connection) sections.push(['connection', meta.connection]);
  if (meta.organization !== false) sections.push(['organization', organizationNode(doc, exported, existing('organization'), meta)]);
  sections.push(['projects', projectsNode(doc, exported, existing('projects'))]);
  let out = original.endsWith('\n') || original === '' ? original : `${original}\n`;
  for (const [key, value] of sections) out = replaceSection(out, key, value);
  return out;
}

function organizationNode(doc: Document, e: ExportedDeclaration, before: YamlNode | undefined, meta: ExportMeta): YAMLMap {
  const old = isMap(before) ? seqItems(before.get('members', true)) : [];
  const org = doc.createNode({ exhaustive: e.organization.exhaustive }) as YAMLMap;
  org.items[0].key = withComment(doc.createNode('exhaustive'), [
    ` Exported from connection ${meta.connection ?? '(environment)'} (${meta.host}) on ${meta.date.slice(0, 10)}${meta.actor ? ` by ${meta.actor}` : ''}.`,
    ' exhaustive: true would remove members not listed here (apply --allow-destroy).',
    ...e.organization.skipped.map(s => ` Not declared: ${s}.`),
    ...e.organizationKeys.map(k => ` Organization key ${k}: reported only, never planned (the public API cannot manage organization keys).`),
  ]);
  org.set('members', membersSeq(doc, e.organization.members, old));
  return org;
}

function projectsNode(doc: Document, e: ExportedDeclaration, before: YamlNode | undefined): YAMLMap {
  const projects = doc.createNode({}) as YAMLMap;
  const oldProjects = isMap(before) ? before : undefined;
  for (const p of e.projects) {
    const old = oldProjects?.get(p.name, true) as YamlNode | undefined;
    const node = doc.createNode({ exhaustive: p.exhaustive }) as YAMLMap;
    if (p.skipped.length) node.items[0].key = withComment(doc.createNode('exhaustive'), p.skipped.map(s => ` Not declared: ${s}.`));
    node.set('members', membersSeq(doc, p.members, isMap(old) ? seqItems(old.get('members', true)) : []));
    node.set('keys', keysSeq(doc, p.keys, isMap(old) ? seqItems(old.get('keys', true)) : []));
    projects.set(p.name, node);
  }
  // Projects the file declares that the organization does not have stay, for the plan to report.
  for (const item of oldProjects?.items ?? []) {
    if (isPair(item) && isScalar(item.key) && !e.projects.some(p => p.name === String((item.key as { value: unknown }).value))) projects.items.push(item);
  }
  return projects;
}

function membersSeq(doc: Document, members: readonly ExportedMember[], old: YamlNode[]): YAMLSeq {
  const seq = new YAMLSeq();
  if (members.length === 0) seq.flow = true;
  for (const m of members) {
    const kept = old.find(n => isMap(n) && String(n.get('email') ?? '').toLowerCase() === m.email.toLowerCase()) as YAMLMap | undefined;
    if (kept) {
      if (kept.get('role') !== m.role) kept.set('role', m.role);
      seq.items.push(kept);
      continue;
    }
    const node = doc.createNode({ email: m.email, role: m.role }) as YAMLMap;
    node.flow = true;
    if (m.name) node.comment = ` ${oneLine(m.name)}`;
    seq.items.push(node);
  }
  return seq;
}

function keysSeq(doc: Document, keys: readonly ExportedKey[], old: YamlNode[]): YAMLSeq {
  const seq = new YAMLSeq();
  if (keys.length === 0) seq.flow = true;
  for (const k of keys) {
    const { publicKey, createdAt, duplicates, ...declared } = k;
    // Names and dates ride on the note's line, so they stay with their entry when entries move.
    const comment = oneLine(` ${publicKey}, created ${createdAt.slice(0, 10)}${duplicates.length ? `; also with this note (older, not declared): ${duplicates.join(', ')}` : ''}`);
    const kept = old.find(n => isMap(n) && n.get('note') === k.note) as YAMLMap | undefined;
    const node = kept ?? doc.createNode(declared) as YAMLMap;
    const note = node.get('note', true);
    if (isScalar(note) && (!note.comment || /^ pk-lf-/.test(note.comment))) note.comment = comment;
    const stores = node.get('stores', true);
    if (!kept && isSeq(stores)) stores.flow = true;
    seq.items.push(node);
  }
  return seq;
}

/** Replaces the top-level `key:` section where it stands (from its line to the end of its value), or appends it. */
function replaceSection(text: string, key: string, value: unknown): string {
  const rendered = renderSection(key, value);
  const doc = parseDocument(text);
  const pair = isMap(doc.contents) ? doc.contents.items.find(p => isPair(p) && isScalar(p.key) && p.key.value === key) : undefined;
  if (!pair || !isScalar(pair.key) || !pair.key.range) return `${text}${rendered}`;
  const start = text.lastIndexOf('\n', pair.key.range[0] - 1) + 1;
  const valueEnd = (pair.value as YamlNode | null)?.range?.[2] ?? pair.key.range[2];
  const lineEnd = text.indexOf('\n', Math.max(valueEnd - 1, start));
  const end = lineEnd < 0 ? text.length : lineEnd + 1;
  return `${text.slice(0, start)}${rendered}${text.slice(end)}`;
}

function renderSection(key: string, value: unknown): string {
  const doc = new Document({});
  doc.set(key, value);
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}

function seqItems(node: unknown): YamlNode[] {
  return isSeq(node) ? (node.items as YamlNode[]) : [];
}

function withComment<T extends YamlNode>(node: T, lines: string[]): T {
  if (lines.length) node.commentBefore = lines.map(oneLine).join('\n');
  return node;
}

/** A comment line from outside text (a name, a note): no line break can end the comment early. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
