// A throwaway GnuPG home with a passphrase-less test key and an initialised `pass` store.
// teardown() kills the gpg-agent started for that home and removes both folders.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface PassStore {
  readonly gnupgHome: string;
  readonly storeDir: string;
  readonly fingerprint: string;
  /** Environment for running `pass`/`gpg` by hand against this store. */
  readonly env: NodeJS.ProcessEnv;
  /** Adds a second, unrelated key and returns its fingerprint (for "encrypted to someone else"). */
  addKey(name: string): string;
  teardown(): void;
}

export function assertPassInstalled(): void {
  for (const tool of ['pass', 'gpg', 'gpgconf']) {
    const probe = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
    if (probe.status !== 0) {
      throw new Error(`${tool} is not installed: the pass sink tests need it (apt-get install -y --no-install-recommends pass). They must not be skipped.`);
    }
  }
}

export interface PassStoreOptions {
  /** Protect the store's key with this passphrase (default: none), as most real keys are. */
  passphrase?: string;
}

export function createPassStore(options: PassStoreOptions = {}): PassStore {
  assertPassInstalled();
  // Short paths: gpg-agent's socket path must stay under ~100 bytes.
  const gnupgHome = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-'));
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-'));
  fs.chmodSync(gnupgHome, 0o700);
  // The agent otherwise calibrates passphrase hashing to take seconds; a test key needs no such cost.
  fs.writeFileSync(path.join(gnupgHome, 'gpg-agent.conf'), 's2k-count 65536\n');
  const env: NodeJS.ProcessEnv = { ...process.env, GNUPGHOME: gnupgHome, PASSWORD_STORE_DIR: storeDir };
  const gpg = (args: string[]) => execFileSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', options.passphrase ?? '', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const addKey = (name: string): string => {
    const uid = `${name} <${name.toLowerCase().replace(/\W+/g, '-')}@example.invalid>`;
    gpg(['--quick-gen-key', uid, 'ed25519', 'sign', 'never']);
    const listing = execFileSync('gpg', ['--list-keys', '--with-colons', uid], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(listing)?.[1];
    if (!fpr) throw new Error(`no fingerprint for the generated test key ${uid}`);
    gpg(['--quick-add-key', fpr, 'cv25519', 'encr', 'never']);
    return fpr;
  };
  try {
    const fingerprint = addKey('Langfuse Access Test');
    execFileSync('pass', ['init', fingerprint], { env, stdio: 'ignore' });
    // Forget any passphrase the agent cached while the key was made.
    spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env, stdio: 'ignore' });
    return {
      gnupgHome, storeDir, fingerprint, env, addKey,
      teardown() {
        spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env, stdio: 'ignore' });
        fs.rmSync(gnupgHome, { recursive: true, force: true });
        fs.rmSync(storeDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env, stdio: 'ignore' });
    fs.rmSync(gnupgHome, { recursive: true, force: true });
    fs.rmSync(storeDir, { recursive: true, force: true });
    throw err;
  }
}
