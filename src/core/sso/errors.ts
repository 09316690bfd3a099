/** Bad input to the SSO assistant (a URL, an id, a combination of options): the CLI exits 2 on it. */
export class SsoInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'SsoInputError';
  }
}

/** The deployment file cannot take the block as asked (a conflicting value, no place to add it, a symlink). */
export class SsoWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SsoWriteError';
  }
}
