#!/usr/bin/env node
// Secret canary scanner. The whole test suite uses recognisable secrets (`sk-lf-demo-…`,
// `sk-lf-canary-…`); after a run, every output (log channel files, audit logs, CLI output, SARIF,
// reports, settings and globalState files, temp files) is scanned for them. Also finds any secret
// listed in a credentials file (JSON/YAML/.env: every `sk-lf-…` value and every value of a
// secretKey/token/password field), including its base64 forms (an `Authorization: Basic` header
// logged by mistake).
//
// Text files are scanned as UTF-8; other files as raw bytes too (latin1 and UTF-16LE), which finds
// strings inside SQLite (VS Code's state.vscdb holds globalState) and PNG text chunks. `.gz` files
// are decompressed first. PNG pixels cannot be read without OCR: they are listed as "not fully
// scanned", never reported as clean.
//
// Module:  import { scanPaths } from './canaryScan.mjs'
// CLI:     node test/reliability/canaryScan.mjs [--credentials FILE]… [--allow PATH]… [--json] <dirs/files…>
//          exit 0: no occurrence outside the allowed holders; 1: occurrences; 2: usage error.
// Occurrences are printed masked (`sk-lf-…abcd`): the report itself never holds a canary.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';

/** Canary forms every suite uses: matched by pattern, values unknown in advance. */
export const CANARY_PATTERNS = [
  { name: 'sk-lf-demo', regex: /sk-lf-demo-[A-Za-z0-9_-]{4,}/g },
  { name: 'sk-lf-canary', regex: /sk-lf-canary-[A-Za-z0-9_-]{4,}/g },
];

const SECRET_FIELD = /^(secretkey|secret_key|langfuse_secret_key|secret|token|password|x-vault-token|secretaccesskey|sessiontoken|siem_token|langfuse_access_siem_token)$/i;
const SK_VALUE = /sk-lf-[A-Za-z0-9_-]{8,}/g;
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Masked form for reports: never the value itself. */
export function mask(secret) {
  return secret.length >= 14 ? `${secret.slice(0, 6)}…${secret.slice(-4)}` : `${secret.slice(0, 3)}…`;
}

/**
 * Secrets named in a credentials file: every `sk-lf-…` string anywhere in it, plus the values of
 * secret-like fields (JSON/YAML `secretKey: …`, .env `LANGFUSE_SECRET_KEY=…`, `token`, `password`).
 */
export function secretsFromCredentialsFile(file) {
  const text = fs.readFileSync(file, 'utf8');
  const found = new Set(text.match(SK_VALUE) ?? []);
  let data;
  try { data = JSON.parse(text); } catch { data = undefined; }
  if (data === undefined) {
    for (const line of text.split(/\r?\n/)) {
      const m = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*["']?([^"'\s#]+)["']?/.exec(line);
      if (m && SECRET_FIELD.test(m[1]) && m[2].length >= 8) found.add(m[2]);
    }
  } else {
    const walk = (v, key) => {
      if (typeof v === 'string') { if (key && SECRET_FIELD.test(key) && v.length >= 8) found.add(v); return; }
      if (Array.isArray(v)) { v.forEach(x => walk(x)); return; }
      if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(data);
  }
  return [...found];
}

/**
 * The base64 forms of `secret` inside any longer base64 text: one per alignment (0, 1, 2 bytes of
 * prefix), cut to the characters that depend only on the secret's own bytes.
 */
export function base64Forms(secret) {
  const forms = [];
  const len = Buffer.byteLength(secret);
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad, 0x41), Buffer.from(secret)]).toString('base64');
    // Character i encodes bits [6i, 6i+6); keep those inside the secret's bits [8·pad, 8·(pad+len)).
    const form = b64.slice(Math.ceil((pad * 8) / 6), Math.floor(((pad + len) * 8) / 6));
    if (form.length >= 12) forms.push(form);
  }
  return forms;
}

/** The matchers for one scan: canary patterns plus each known secret and its base64 forms. */
export function buildMatchers(secrets = []) {
  const matchers = CANARY_PATTERNS.map(p => ({ kind: p.name, regex: p.regex }));
  // A canary inside a base64 text (a logged `Authorization: Basic …`): its prefix's base64 forms.
  for (const prefix of ['sk-lf-demo-', 'sk-lf-canary-']) {
    for (const b of base64Forms(prefix)) matchers.push({ kind: `${prefix.slice(0, -1)}-base64`, literal: b, shown: `${prefix}… (base64)` });
  }
  for (const s of new Set(secrets)) {
    if (!s || s.length < 8) continue;
    matchers.push({ kind: 'known-secret', literal: s, shown: mask(s) });
    for (const b of base64Forms(s)) matchers.push({ kind: 'known-secret-base64', literal: b, shown: `${mask(s)} (base64)` });
  }
  return matchers;
}

function lineCol(text, index) {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) { line++; last = i; }
  return { line, column: index - last };
}

/** Occurrences of any matcher in `text` (positions are 1-based line/column). */
export function scanText(text, matchers) {
  const hits = [];
  for (const m of matchers) {
    if (m.regex) {
      m.regex.lastIndex = 0;
      for (const match of text.matchAll(m.regex)) hits.push({ kind: m.kind, shown: mask(match[0]), index: match.index });
    } else {
      for (let i = text.indexOf(m.literal); i >= 0; i = text.indexOf(m.literal, i + 1)) hits.push({ kind: m.kind, shown: m.shown, index: i });
    }
  }
  // A known secret that is also a canary is reported once, by its pattern.
  const seen = new Set();
  return hits.sort((a, b) => a.index - b.index).filter(h => {
    const key = `${h.index}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map(h => ({ ...h, ...lineCol(text, h.index) }));
}

function looksBinary(buf) {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** Scans one file's bytes; returns its hits and, when part of it cannot be read, why. */
export function scanBuffer(buf, matchers) {
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try { buf = zlib.gunzipSync(buf, { maxOutputLength: MAX_FILE_BYTES }); } catch { return { hits: [], unreadable: 'gzip that does not decompress' }; }
  }
  if (buf.subarray(0, 8).equals(PNG_MAGIC)) {
    // Text chunks (tEXt, iTXt) are raw bytes and scanned; pixels would need OCR.
    return { hits: scanText(buf.toString('latin1'), matchers), unreadable: 'PNG: text chunks scanned, pixels not (needs OCR)' };
  }
  if (!looksBinary(buf)) return { hits: scanText(buf.toString('utf8'), matchers) };
  const hits = [...scanText(buf.toString('latin1'), matchers), ...scanText(buf.toString('utf16le'), matchers).map(h => ({ ...h, index: h.index * 2, kind: `${h.kind} (utf16)` }))];
  return { hits, binary: true };
}

/** A SQLite cell holds its key right before its value: `secret://` within the preceding bytes. */
function isInSecretRow(text, index) {
  const before = text.slice(Math.max(0, index - 400), index);
  const key = before.lastIndexOf('secret://');
  // No other row key (VS Code keys look like `workbench.`, `memento/`, an extension id) in between.
  return key >= 0 && !/[\x00-\x08]{4,}/.test(before.slice(key));
}

function isAllowed(file, allow) {
  const abs = path.resolve(file);
  return allow.some(a => {
    if (a.includes('*')) {
      const re = new RegExp(`^${a.split('**').map(p => p.split('*').map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*')}$`);
      return re.test(abs) || re.test(path.basename(abs));
    }
    const r = path.resolve(a);
    return abs === r || abs.startsWith(`${r}${path.sep}`);
  });
}

function* walk(p, seen) {
  let st;
  try { st = fs.lstatSync(p); } catch (err) { yield { file: p, error: err.code ?? String(err) }; return; }
  if (st.isSymbolicLink()) {
    try { st = fs.statSync(p); } catch { return; }
    const real = fs.realpathSync(p);
    if (seen.has(real)) return;
    seen.add(real);
  }
  if (st.isDirectory()) {
    let names;
    try { names = fs.readdirSync(p); } catch (err) { yield { file: p, error: err.code ?? String(err) }; return; }
    for (const n of names.sort()) yield* walk(path.join(p, n), seen);
  } else if (st.isFile()) {
    yield { file: p, size: st.size };
  }
}

/**
 * Scans files and folders (recursively). `allow`: paths (or globs with `*`/`**`) of the allowed
 * holders (SecretStorage, sink targets, an open rotation's pending-secret file): their hits are
 * counted apart and do not fail the scan.
 */
export function scanPaths(paths, options = {}) {
  const secrets = [...(options.secrets ?? [])];
  for (const f of options.credentialsFiles ?? []) secrets.push(...secretsFromCredentialsFile(f));
  const matchers = buildMatchers(secrets);
  const allow = options.allow ?? [];
  const result = { filesScanned: 0, bytesScanned: 0, occurrences: [], allowed: [], unreadable: [], binaryFiles: 0 };
  const seen = new Set();
  for (const p of paths) {
    for (const item of walk(p, seen)) {
      if (item.error) { result.unreadable.push({ file: item.file, reason: item.error }); continue; }
      if (item.size > MAX_FILE_BYTES) { result.unreadable.push({ file: item.file, reason: `larger than ${MAX_FILE_BYTES} bytes` }); continue; }
      let buf;
      try { buf = fs.readFileSync(item.file); } catch (err) { result.unreadable.push({ file: item.file, reason: err.code ?? String(err) }); continue; }
      const scanned = scanBuffer(buf, matchers);
      result.filesScanned++;
      result.bytesScanned += buf.length;
      if (scanned.binary) result.binaryFiles++;
      if (scanned.unreadable) result.unreadable.push({ file: item.file, reason: scanned.unreadable });
      const fileAllowed = isAllowed(item.file, allow);
      const vscdb = /\.vscdb$/.test(item.file) ? buf.toString('latin1') : undefined;
      for (const h of scanned.hits) {
        const occurrence = { file: item.file, line: h.line, column: h.column, kind: h.kind, shown: h.shown };
        // VS Code keeps SecretStorage in state.vscdb next to globalState, as rows keyed
        // `secret://{…}`: a hit inside such a row is SecretStorage (allowed), any other is globalState.
        const inSecretRow = vscdb !== undefined && h.index !== undefined && isInSecretRow(vscdb, h.index);
        if (inSecretRow) occurrence.kind += ' (SecretStorage row)';
        (fileAllowed || inSecretRow ? result.allowed : result.occurrences).push(occurrence);
      }
    }
  }
  return result;
}

/** Scans in-memory outputs (CLI stdout/stderr) under a label each. */
export function scanOutputs(outputs, options = {}) {
  const matchers = buildMatchers(options.secrets ?? []);
  const occurrences = [];
  for (const [label, text] of Object.entries(outputs)) {
    for (const h of scanText(String(text), matchers)) occurrences.push({ file: label, line: h.line, column: h.column, kind: h.kind, shown: h.shown });
  }
  return occurrences;
}

export function formatReport(result) {
  const lines = [];
  for (const o of result.occurrences) lines.push(`${o.file}:${o.line}:${o.column}  ${o.kind}  ${o.shown}`);
  for (const o of result.allowed) lines.push(`(allowed holder) ${o.file}:${o.line}:${o.column}  ${o.kind}  ${o.shown}`);
  for (const u of result.unreadable) lines.push(`(not fully scanned) ${u.file}: ${u.reason}`);
  lines.push(`canary scan: ${result.filesScanned} files (${result.binaryFiles} binary, scanned as raw bytes), ${result.occurrences.length} occurrences outside allowed holders, ${result.allowed.length} in allowed holders, ${result.unreadable.length} not fully scanned`);
  return lines.join('\n');
}

function main(argv) {
  const paths = [], credentialsFiles = [], allow = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--credentials' || a === '--allow') {
      const v = argv[++i];
      if (!v) { process.stderr.write(`canaryScan: ${a} needs a value\n`); return 2; }
      (a === '--credentials' ? credentialsFiles : allow).push(v);
    } else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: canaryScan.mjs [--credentials FILE]… [--allow PATH|GLOB]… [--json] <dirs/files…>\n');
      return 0;
    } else if (a.startsWith('--')) { process.stderr.write(`canaryScan: unknown option ${a}\n`); return 2; } else paths.push(a);
  }
  if (paths.length === 0) { process.stderr.write('canaryScan: name at least one folder or file to scan\n'); return 2; }
  for (const p of paths) if (!fs.existsSync(p)) { process.stderr.write(`canaryScan: ${p} does not exist\n`); return 2; }
  let result;
  try { result = scanPaths(paths, { credentialsFiles, allow }); } catch (err) { process.stderr.write(`canaryScan: ${err.message}\n`); return 2; }
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${formatReport(result)}\n`);
  return result.occurrences.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
