// Shared by the Restricted Mode pass's tests.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

/** Fails the test unless this window really is in Restricted Mode (workspace trust on, folder not trusted). */
export function assertRestrictedMode(): void {
  assert.strictEqual(vscode.workspace.getConfiguration('security.workspace.trust').get('enabled'), true, 'workspace trust is enabled');
  assert.strictEqual(vscode.workspace.isTrusted, false, 'the folder is NOT trusted (Restricted Mode)');
}

export const workspaceRoot = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;

/** A folder outside the workspace (created by the runner): where side effects must never appear. */
export function outsideDir(): string {
  const dir = process.env.LANGFUSE_ACCESS_TEST_OUTSIDE;
  assert.ok(dir, 'the runner passes LANGFUSE_ACCESS_TEST_OUTSIDE');
  assert.ok(path.relative(workspaceRoot(), dir).startsWith('..'), 'it lies outside the workspace');
  return dir;
}
