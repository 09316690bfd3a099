// "Take the live value into the file": the smallest text edit of the access file that makes one
// planned change disappear by declaring what the organization has now — a role set to its live
// value, a declared member or key that does not exist taken out, an undeclared member or key of an
// exhaustive list written in. Every other byte (comments, order, layout) stays as it is.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from '../yaml';
import { locate } from '../access/accessFile';
import { ROLES } from '../langfuse/roles';
import type { PlanChange } from './planTypes';

/** Replace `text.slice(start, end)` with `newText`. */
export interface TextEdit { start: number; end: number; newText: string }

const isRole = (v: string): boolean => (ROLES as readonly string[]).includes(v);
const flowString = (v: string) => (/^[\w@.+-]+$/.test(v) ? v : JSON.stringify(v));

/** The edit, or undefined when the live value cannot be written (a key to rotate is not drift of the file). */
export function takeLiveValue(text: string, change: PlanChange): TextEdit | undefined {
  const doc = parseDocument(text);
  const at = change.at?.path;
  if (!at) return undefined;
  switch (change.kind) {
    case 'member.role':
      return isRole(change.from) ? replaceScalar(doc.contents, at, change.from) : undefined;
    case 'projectRole.set':
      if (isRole(change.from)) return replaceScalar(doc.contents, at, change.from);
      return at[at.length - 1] === 'role' ? removeItem(text, doc.contents, at.slice(0, -1)) : undefined;
    case 'member.add':
    case 'key.create':
      return removeItem(text, doc.contents, at);
    case 'member.remove':
      return change.email && isRole(change.from) ? appendItem(text, doc.contents, ['organization', 'members'], `{email: ${flowString(change.email)}, role: ${change.from}}`) : undefined;
    case 'projectRole.clear':
      return change.email && change.project && isRole(change.from)
        ? appendItem(text, doc.contents, ['projects', change.project, 'members'], `{email: ${flowString(change.email)}, role: ${change.from}}`) : undefined;
    case 'key.revoke':
      return change.note && change.project
        ? appendItem(text, doc.contents, ['projects', change.project, 'keys'], `{note: ${flowString(change.note)}, stores: [], rotate: manual}`) : undefined;
    default:
      return undefined;
  }
}

function replaceScalar(root: unknown, at: readonly (string | number)[], value: string): TextEdit | undefined {
  const node = locate(root, at, false);
  if (!isScalar(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1], newText: value };
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (text: string, offset: number) => { const i = text.indexOf('\n', offset); return i === -1 ? text.length : i + 1; };

function removeItem(text: string, root: unknown, at: readonly (string | number)[]): TextEdit | undefined {
  const index = at[at.length - 1];
  const seq = locate(root, at.slice(0, -1), false);
  if (typeof index !== 'number' || !isSeq(seq) || !seq.range) return undefined;
  const item = seq.items[index] as Node | undefined;
  if (!item?.range) return undefined;
  if (seq.flow) return undefined;
  if (seq.items.length === 1) {
    // The last item: the list becomes `[]`, so the section stays a list.
    const start = text.lastIndexOf(':', lineStart(text, item.range[0]));
    if (start < 0) return undefined;
    return { start: start + 1, end: lineEnd(text, Math.max(item.range[1] - 1, item.range[0])), newText: ' []\n' };
  }
  return { start: lineStart(text, item.range[0]), end: lineEnd(text, Math.max(item.range[1] - 1, item.range[0])), newText: '' };
}

function appendItem(text: string, root: unknown, at: readonly (string | number)[], item: string): TextEdit | undefined {
  const seq = locate(root, at, false);
  if (isSeq(seq) && seq.range) {
    if (seq.flow) {
      // `[]` or `[a, b]`: written as a flow item before the closing bracket.
      const close = text.lastIndexOf(']', seq.range[1]);
      return close < 0 ? undefined : { start: close, end: close, newText: `${seq.items.length ? ', ' : ''}${item}` };
    }
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    if (!last?.range) return undefined;
    const dash = lineStart(text, last.range[0]);
    const indent = /^[ ]*/.exec(text.slice(dash))![0];
    const end = lineEnd(text, Math.max(last.range[1] - 1, last.range[0]));
    return { start: end, end, newText: `${end === text.length && !text.endsWith('\n') ? '\n' : ''}${indent}- ${item}\n` };
  }
  // No list yet: `members:` / `keys:` with the item, under the parent section.
  const parent = locate(root, at.slice(0, -1), false);
  if (!isMap(parent) || !parent.range || parent.flow) return undefined;
  if (parent.items.some(p => isPair(p) && isScalar(p.key) && String(p.key.value) === String(at[at.length - 1]))) return undefined;
  const first = parent.items[0];
  const firstKey = isPair(first) && isScalar(first.key) ? first.key : undefined;
  if (!firstKey?.range) return undefined;
  const indent = ' '.repeat(firstKey.range[0] - lineStart(text, firstKey.range[0]));
  const end = lineEnd(text, Math.max(parent.range[1] - 1, parent.range[0]));
  return { start: end, end, newText: `${indent}${String(at[at.length - 1])}:\n${indent}  - ${item}\n` };
}

export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}
