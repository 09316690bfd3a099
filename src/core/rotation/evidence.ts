// Evidence that the old key is out of use. Langfuse records no key usage (lastUsedAt is never
// written), so this is indirect and labelled as such: no file or target still names the old public
// key, a person confirmed the deploy checklist, and (optionally, traceProbe.ts) data is arriving with the NEW key.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ACCESS_DIR, ACCESS_FILE_NAME } from '../access/accessSchema';
import { listedPublicKeys } from '../access/publicKeysEdit';
import { parse } from '../yaml';
import { isEnvFileName, isExampleEnvFile } from '../env/envFileNames';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'dist', 'out', '.next', 'target']);
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_FILES = 20_000;

export interface Reference { file: string; line: number }

/**
 * Finds every line naming `publicKey` under the given files or folders (folders recursively,
 * skipping VCS/dependency folders, binaries and files over 2 MB). Returns the references and
 * whether the scan stopped early at the file limit. `exclude` (e.g. the state folder, whose journals
 * and audit log name the key by design) is skipped.
 */
export function scanForPublicKey(paths: string[], publicKey: string, exclude: string[] = []): { references: Reference[]; filesScanned: number; truncated: boolean } {
  const excluded = new Set(exclude.map(p => path.resolve(p)));
  const references: Reference[] = [];
  let filesScanned = 0;
  let truncated = false;
  const needle = Buffer.from(publicKey, 'utf8');
  const visit = (p: string): void => {
    if (truncated || excluded.has(p)) return;
    let stat: fs.Stats;
    try { stat = fs.statSync(p); } catch { return; }
    if (stat.isDirectory()) {
      let names: string[];
      try { names = fs.readdirSync(p); } catch { return; }
      for (const name of names.sort()) if (!SKIP_DIRS.has(name)) visit(path.join(p, name));
      return;
    }
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return;
    if (++filesScanned > MAX_FILES) { truncated = true; return; }
    let data: Buffer;
    try { data = fs.readFileSync(p); } catch { return; }
    if (data.indexOf(needle) < 0 || data.includes(0)) return;
    data.toString('utf8').split('\n').forEach((line, i) => { if (line.includes(publicKey)) references.push({ file: p, line: i + 1 }); });
  };
  for (const p of paths) visit(path.resolve(p));
  return { references, filesScanned, truncated };
}

/**
 * Candidate targets for the wizard's plan step, from one scan: `.env` files (not examples) under `paths`
 * whose LANGFUSE_PUBLIC_KEY is the key being rotated (`env:` specs), and every environment of a workspace
 * access file whose `publicKeys` lists it (`access:PATH#ENVIRONMENT`).
 */
export function discoverTargets(paths: string[], publicKey: string, exclude: string[] = []): string[] {
  const references = scanForPublicKey(paths, publicKey, exclude).references;
  return [...envTargetsOf(references, publicKey), ...accessTargetsOf(references, publicKey)];
}

/** The `.env` candidates alone (see discoverTargets). */
export function discoverEnvTargets(paths: string[], publicKey: string, exclude: string[] = []): string[] {
  return envTargetsOf(scanForPublicKey(paths, publicKey, exclude).references, publicKey);
}

function accessTargetsOf(references: readonly Reference[], publicKey: string): string[] {
  const targets: string[] = [];
  const files = [...new Set(references.map(r => r.file))].filter(f => path.basename(f) === ACCESS_FILE_NAME && path.basename(path.dirname(f)) === ACCESS_DIR);
  for (const file of files) {
    let text: string;
    let environments: unknown;
    try {
      text = fs.readFileSync(file, 'utf8');
      environments = (parse(text) as { environments?: unknown } | null)?.environments;
    } catch { continue; }
    if (!environments || typeof environments !== 'object') continue;
    for (const environment of Object.keys(environments)) {
      try { if (listedPublicKeys(text, environment).includes(publicKey)) targets.push(`access:${file}#${environment}`); } catch { /* no list there */ }
    }
  }
  return targets;
}

function envTargetsOf(references: readonly Reference[], publicKey: string): string[] {
  const files = new Set<string>();
  for (const ref of references) {
    const name = path.basename(ref.file);
    if (!isEnvFileName(name) || isExampleEnvFile(name)) continue;
    const line = fs.readFileSync(ref.file, 'utf8').split('\n')[ref.line - 1] ?? '';
    if (new RegExp(`^\\s*(export\\s+)?LANGFUSE_PUBLIC_KEY\\s*=\\s*["']?${publicKey}["']?\\s*(#.*)?\\r?$`).test(line)) files.add(ref.file);
  }
  return [...files].map(f => `env:${f}`);
}
