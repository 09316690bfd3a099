// A finding is plain data: the extension maps it to a vscode.Diagnostic and code actions, the CLI
// prints it as text, JSON or SARIF. Nothing here ever holds a secret key: fixes that touch a secret
// (trim, swap, replace with the right project's key) carry ranges, and the editor reads the text.
import type { TextRange } from '../env/position';
import type { RuleCode, Severity } from './ruleCodes';
import { Rules } from './ruleCodes';

export type Fix =
  /** Replace a range with non-secret text: a variable name, a URL, a public key. */
  | { kind: 'replaceText'; title: string; range: TextRange; newText: string }
  /** Remove blanks around the value in `range` (the value may be a secret, so the text is not carried). */
  | { kind: 'trimValue'; title: string; range: TextRange }
  /** Exchange the texts of two ranges (public and secret key put in each other's variable). */
  | { kind: 'swapValues'; title: string; first: TextRange; second: TextRange }
  /** Put a key pair of `project` (from the editor's SecretStorage) into the given ranges. */
  | { kind: 'replaceWithProjectKey'; title: string; project: string; publicKeyRange?: TextRange; secretKeyRange?: TextRange }
  /** Append `pattern` to the .gitignore at `gitignorePath` (and, if tracked, `git rm --cached` is still needed). */
  | { kind: 'addToGitignore'; title: string; gitignorePath: string; pattern: string; alsoUntrack: boolean }
  | { kind: 'openRotationWizard'; title: string; publicKey: string }
  | { kind: 'openKeyInTree'; title: string; publicKey: string }
  /** Record `{ file, rule, reason }` under `ignore:` in the access file (see access/ignoreWriter.ts); the UI asks for the reason. */
  | { kind: 'ignoreFinding'; title: string; accessFile: string; file: string; rule: RuleCode };


export interface Finding {
  /** Absolute path of the file the finding is in. */
  file: string;
  range: TextRange;
  code: RuleCode;
  severity: Severity;
  /** Says what is wrong and what to do; never contains a secret key. */
  message: string;
  fixes: Fix[];
  /** The public key concerned, when there is one (public keys are not secret). */
  publicKey?: string;
}

export function finding(file: string, code: RuleCode, range: TextRange, message: string, extra: { fixes?: Fix[]; severity?: Severity; publicKey?: string } = {}): Finding {
  const f: Finding = { file, range, code, severity: extra.severity ?? Rules[code].severity, message, fixes: extra.fixes ?? [] };
  if (extra.publicKey) f.publicKey = extra.publicKey;
  return f;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
