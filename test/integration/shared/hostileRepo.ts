// A vendored repository as an attacker ships it (issue 19, finding 2): inside the workspace, its own
// `.git`, a `.gitignore` that is a symbolic link to a shell start-up file OUTSIDE the workspace (or a
// dangling one), and a .env file with a production key that git does not ignore, so the extension
// offers "Add … to .gitignore". Used by both integration passes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from '../suite/helpers';

export const PROD_PK = 'pk-lf-b1000000-0000-4000-8000-000000000001';
const VICTIM_TEXT = '# ~/.bashrc\nalias ll="ls -l"\n';

export interface HostileRepo {
  dir: string;
  envFile: string;
  gitignore: string;
  /** The file outside the workspace the link points to (it does not exist for a dangling link). */
  victim: string;
  /** What the victim held before (undefined: it did not exist). */
  victimBefore: string | undefined;
  remove(): void;
}

export function plantHostileRepo(workspace: string, outside: string, name: string, options: { dangling?: boolean; envName?: string } = {}): HostileRepo {
  const dir = path.join(workspace, name);
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  const victim = path.join(outside, options.dangling ? `${name}.bash_aliases` : `${name}.bashrc`);
  if (!options.dangling) fs.writeFileSync(victim, VICTIM_TEXT);
  // The path a tracked link would hold, relative: ../../<outside>/.bashrc.
  const gitignore = path.join(dir, '.gitignore');
  fs.symlinkSync(path.relative(dir, victim), gitignore);
  const envFile = path.join(dir, options.envName ?? '.env.prod-copy');
  fs.writeFileSync(envFile, `LANGFUSE_PUBLIC_KEY=${PROD_PK}\n`);
  return {
    dir, envFile, gitignore, victim, victimBefore: options.dangling ? undefined : VICTIM_TEXT,
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(victim, { force: true });
    },
  };
}

/** Nothing outside the workspace changed: the victim holds what it held (or still does not exist), and the link is still a link. */
export function assertVictimUntouched(repo: HostileRepo): void {
  if (repo.victimBefore === undefined) assert.strictEqual(fs.existsSync(repo.victim), false, `${repo.victim} was created through the dangling link`);
  else assert.strictEqual(fs.readFileSync(repo.victim, 'utf8'), repo.victimBefore, `${repo.victim} was changed through the link`);
  assert.ok(fs.lstatSync(repo.gitignore).isSymbolicLink(), 'the .gitignore link is left as it was');
}

/** Opens the .env file and waits for the production-key-not-ignored finding. */
export async function notIgnoredFinding(repo: HostileRepo): Promise<{ uri: vscode.Uri; diagnostic: vscode.Diagnostic }> {
  const doc = await vscode.workspace.openTextDocument(repo.envFile);
  await vscode.window.showTextDocument(doc);
  const diagnostic = await waitFor(`production-key-not-ignored on ${path.basename(repo.envFile)}`, () => vscode.languages.getDiagnostics(doc.uri).find(d => d.code === 'production-key-not-ignored'));
  return { uri: doc.uri, diagnostic };
}

export async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

/** A Langfuse docker-compose file in `dir` with an inline secret, opened, with its inline-secret finding (its fix moves the value into `dir/.env`). */
export async function openComposeWithInlineSecret(dir: string): Promise<{ compose: string; doc: vscode.TextDocument; diagnostic: vscode.Diagnostic }> {
  fs.mkdirSync(dir, { recursive: true });
  const compose = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(compose, 'services:\n  langfuse-web:\n    image: langfuse/langfuse:3.135.0\n    environment:\n      - NEXTAUTH_URL=https://langfuse.acme.com\n      - AUTH_OKTA_CLIENT_SECRET=demo-okta-secret-not-real\n');
  const doc = await vscode.workspace.openTextDocument(compose);
  await vscode.window.showTextDocument(doc);
  const diagnostic = await waitFor('inline-secret', () => vscode.languages.getDiagnostics(doc.uri).find(d => d.code === 'inline-secret'));
  return { compose, doc, diagnostic };
}
