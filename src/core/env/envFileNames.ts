// Which files are .env files for the linter, and which are examples to leave alone.

const EXAMPLE_SUFFIXES = ['.example', '.sample', '.template', '.dist'];

/** `.env`, `.env.*` and `*.env` (case-insensitive), examples included: see isExampleEnvFile. */
export function isEnvFileName(fileName: string): boolean {
  const name = fileName.toLowerCase();
  return name === '.env' || name.startsWith('.env.') || (name.endsWith('.env') && name.length > 4);
}

/** `.env.example`, `.env.sample`, `.env.template`, `*.example` and the like hold placeholders by design. */
export function isExampleEnvFile(fileName: string): boolean {
  const name = fileName.toLowerCase();
  return EXAMPLE_SUFFIXES.some(s => name.endsWith(s) || name.includes(`${s}.`));
}

/** The last path segment, for either separator. */
export function baseName(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut >= 0 ? filePath.slice(cut + 1) : filePath;
}
