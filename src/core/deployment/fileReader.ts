import * as fs from 'node:fs';

/** Reads a file's text, or undefined when it does not exist. The extension passes one that sees unsaved editors. */
export type FileReader = (file: string) => string | undefined;

export const readFileFromDisk: FileReader = file => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw err;
  }
};
