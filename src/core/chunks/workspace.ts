// Entry of the lazily-required chunk dist/chunks/workspace.js: everything that reads workspace files
// with `yaml` (access files; later rules and deployment checks). Kept off the activation path.
export { findAccessFile, loadAccessFile, AccessFileCache } from '../access/accessLocator';
export { parseAccessFile, type LoadedAccessFile } from '../access/accessFile';
export { EditorLinter, type EditorLinterOptions, type FileFindings } from '../editor/editorLinter';
export { keyIndexFromEntries, type KeyIndex, type KeyIndexEntry, type WhoAmIResult } from '../rules/keyIndex';
export { addIgnoreEntry } from '../access/ignoreWriter';
export { addGitignorePattern, appendToGitignore, gitRmCachedCommand, UnsafePatternError } from '../git/gitignoreWriter';
export { GitRepository } from '../git/gitRepository';
export { checkWriteTarget, ensureDirInScope, readFileNoFollow, scopeFor, UnsafeWriteError, writeFileInScope, type WriteScope } from '../fs/scopedWrite';
export { Rules, type RuleCode } from '../rules/ruleCodes';
export { scaffoldAccessFile, type ScaffoldProject } from '../access/scaffold';
export { checkDeploymentFiles, checkDeploymentOf, deploymentFilesIn, deploymentFilesFor, buildComplianceReport, renderMarkdown, resolveFixEdits, detectDeploymentKind } from '../deployment/index';
export { assertEditsInScope, filesTouchedBy } from '../deployment/fixScope';
export type { DeploymentFinding, DeploymentFix, TextEdit as DeploymentTextEdit } from '../deployment/index';
export { recordIgnoreEntry } from '../access/recordIgnoreEntry';
export { offeredFixes, type OfferedFix } from '../rules/fixOrder';
export { applyGitignoreFix, applyIgnoreFix, type FixOutcome } from '../rules/fileFixes';
