import * as crypto from 'node:crypto';
import { parseEnv } from '../env/envParser';
import type { FileReader } from './fileReader';
import { readFileFromDisk } from './fileReader';
import { envInsertPoint } from './envFileReader';
import type { DeploymentFix, InsertPoint, TextEdit, TextPosition, TextRange } from './types';

/** A new random secret: 32 bytes as 64 hex (ENCRYPTION_KEY) or base64 (NEXTAUTH_SECRET, SALT), like `openssl rand`. */
export function generateSecret(format: 'hex64' | 'base64-32'): string {
  const bytes = crypto.randomBytes(32);
  return format === 'hex64' ? bytes.toString('hex') : bytes.toString('base64');
}

function offsetOf(text: string, p: TextPosition): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + p.character, text.length);
}

function textAt(text: string, range: TextRange): string {
  return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

/** A .env value dotenv reads back unchanged. */
export function envValue(value: string): string {
  if (/^[A-Za-z0-9_./:@+=,-]*$/.test(value)) return value;
  if (!value.includes("'") && !value.includes('\n')) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

function insertionText(at: InsertPoint, variable: string, value: string, rawValue: boolean): string {
  const v = rawValue ? value : yamlString(value);
  switch (at.style) {
    case 'compose-list': return `${at.indent}- ${variable}=${value}\n`;
    case 'compose-map': return `${at.indent}${variable}: ${v}\n`;
    case 'compose-new-block': return `${at.indent}environment:\n${at.indent}  - ${variable}=${value}\n`;
    case 'env': return `${at.needsLeadingNewline ? '\n' : ''}${variable}=${envValue(value)}\n`;
    case 'helm-additional-env': return at.createList
      ? `${at.indent}additionalEnv:\n${at.indent}  - name: ${variable}\n${at.indent}    value: ${v}\n`
      : `${at.indent}- name: ${variable}\n${at.indent}  value: ${v}\n`;
  }
}

function insertEdit(at: InsertPoint, text: string | undefined, newText: string): TextEdit {
  const lines = (text ?? '').split('\n').length;
  // Inserting past the last line of a file without a final newline: start a new line first.
  const pastEnd = text !== undefined && !text.endsWith('\n') && at.position.line >= lines - 1 && at.style !== 'env';
  const position = pastEnd ? { line: lines - 1, character: (text ?? '').split('\n')[lines - 1].length } : at.position;
  return { file: at.file, range: { start: position, end: position }, newText: pastEnd ? `\n${newText}` : newText };
}

/** Sets `variable` in a .env file: replaces its value when present, else appends (creating the file). */
function setInEnvFile(envFile: string, variable: string, value: string, read: FileReader): TextEdit {
  const text = read(envFile);
  if (text === undefined) return { file: envFile, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${variable}=${envValue(value)}\n`, createFile: true };
  const existing = [...parseEnv(text).entries].reverse().find(e => e.key === variable);
  if (existing) return { file: envFile, range: existing.quotedRange, newText: envValue(value) };
  const at = envInsertPoint(envFile, text);
  return insertEdit(at, text, insertionText(at, variable, value, true));
}

/**
 * Turns a fix into text edits, reading the files it touches now. Secrets (generated or moved) exist
 * only in the returned edits, which the caller applies and drops; never log them.
 */
export function resolveFixEdits(fix: DeploymentFix, read: FileReader = readFileFromDisk): TextEdit[] {
  switch (fix.kind) {
    case 'replaceText':
      return [{ file: fix.file, range: fix.range, newText: fix.newText }];
    case 'generateSecret':
      return [{ file: fix.file, range: fix.range, newText: generateSecret(fix.format) }];
    case 'insertVariable':
      return [insertEdit(fix.at, read(fix.at.file), insertionText(fix.at, fix.variable, fix.value, false))];
    case 'insertGeneratedSecret': {
      const value = generateSecret(fix.format);
      if (!fix.envFile) return [insertEdit(fix.at, read(fix.at.file), insertionText(fix.at, fix.variable, value, false))];
      const envText = read(fix.envFile);
      const already = envText !== undefined && parseEnv(envText).entries.some(e => e.key === fix.variable && e.value.trim() !== '');
      const reference = insertEdit(fix.at, read(fix.at.file), insertionText(fix.at, fix.variable, `\${${fix.variable}}`, false));
      return already ? [reference] : [reference, setInEnvFile(fix.envFile, fix.variable, value, read)];
    }
    case 'moveToEnvFile': {
      const text = read(fix.file);
      if (text === undefined) return [];
      const value = textAt(text, fix.valueRange);
      return [
        { file: fix.file, range: fix.valueRange, newText: `\${${fix.variable}}` },
        setInEnvFile(fix.envFile, fix.variable, value, read),
      ];
    }
  }
}

/** Applies edits to a text (edits of one file, non-overlapping); used by the CLI and tests. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits.map(e => ({ e, start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end) })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const { e, start, end } of sorted) out = out.slice(0, start) + e.newText + out.slice(end);
  return out;
}
