import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensurePrivateDir } from '../state/stateDir';

export const AUDIT_SIGNING_KEY_FILE = 'audit-signing-key.pem';

export interface AuditSigningKey {
  privateKey: crypto.KeyObject;
  /** The raw 32-byte Ed25519 public key, base64: recorded in every checkpoint and shown to the user. */
  publicKey: string;
  /** A short fingerprint of the public key (first 16 hex of its SHA-256) for messages and UI. */
  keyId: string;
}

export function publicKeyId(publicKeyBase64: string): string {
  return crypto.createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}

/** An Ed25519 public key object from the base64 raw key recorded in a checkpoint. */
export function publicKeyFromRaw(publicKeyBase64: string): crypto.KeyObject {
  const raw = Buffer.from(publicKeyBase64, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function describe(privateKey: crypto.KeyObject): AuditSigningKey {
  const jwk = crypto.createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = Buffer.from(String(jwk.x), 'base64url').toString('base64');
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

/** Reads the key if it exists; never creates one (verify and the UI only need to show it). */
export function readSigningKey(stateDir: string): AuditSigningKey | undefined {
  const file = path.join(stateDir, AUDIT_SIGNING_KEY_FILE);
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const key = crypto.createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key`);
  return describe(key);
}

/**
 * The checkpoint signing key in the state folder (PKCS#8 PEM, mode 0600), created on first use.
 * Callers hold the audit lock, so two processes cannot both create it; O_EXCL guards anyway.
 */
export function loadOrCreateSigningKey(stateDir: string): AuditSigningKey {
  ensurePrivateDir(stateDir);
  const existing = readSigningKey(stateDir);
  if (existing) return existing;
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const file = path.join(stateDir, AUDIT_SIGNING_KEY_FILE);
  try {
    const fd = fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600);
    try {
      fs.writeSync(fd, pem);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readSigningKey(stateDir)!;
    throw err;
  }
  return describe(privateKey);
}
