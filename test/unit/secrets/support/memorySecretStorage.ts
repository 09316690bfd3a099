import type { SecretStorageLike } from '../../../../src/core/secrets/secretStorage/secretStorageSink';

/**
 * The in-memory SecretStorage VS Code itself falls back to without a keyring
 * (`--use-inmemory-secretstorage`), with a switch to behave like a locked keyring.
 */
export class MemorySecretStorage implements SecretStorageLike {
  readonly values = new Map<string, string>();
  locked = false;
  async get(key: string) { this.check(); return this.values.get(key); }
  async store(key: string, value: string) { this.check(); this.values.set(key, value); }
  async delete(key: string) { this.check(); this.values.delete(key); }
  private check() {
    if (this.locked) throw new Error(`Cannot get password: keyring locked (value would have been ${[...this.values.values()].join(',')})`);
  }
}
