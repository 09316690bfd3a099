// Entry of the lazily-required chunk dist/chunks/workspace.js: everything that reads workspace files
// with `yaml` (access files; later rules and deployment checks). Kept off the activation path.
export { findAccessFile, loadAccessFile, AccessFileCache } from '../access/accessLocator';
export { parseAccessFile, type LoadedAccessFile } from '../access/accessFile';
