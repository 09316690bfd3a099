import { redactText } from '../../log/redact';
import { SinkConfigError, SinkError, SinkIoError, SinkNotFoundError, SinkPermissionError } from '../errors';
import type { PassResult } from './runPass';

/** Maps a failed `pass` run to a sink error, from its (never secret) stderr. */
export function passSinkError(target: string, entry: string, storeDir: string, result: PassResult): SinkError {
  const err = result.stderr;
  const cause = `exit ${result.code}`;
  if (/is not in the password store/.test(err)) {
    return new SinkNotFoundError(target, `${entry} is not in the password store at ${storeDir}`, 'Check the entry name with "pass ls"', cause);
  }
  if (/You must run:|before you may use the password store/.test(err)) {
    return new SinkConfigError(target, `the password store at ${storeDir} is not initialised`, 'Run "pass init <your GPG key id>" (or point the settings at your team\'s store)', cause);
  }
  if (/decryption failed|No secret key/i.test(err)) {
    // gpg says "No secret key" both for a foreign recipient and for a locked key it could not ask about.
    return new SinkPermissionError(target, `gpg could not decrypt ${entry}: your key is locked (its passphrase could not be asked for here) or the entry is encrypted for other recipients (.gpg-id)`, `Run "pass show ${entry}" in a terminal to unlock your key; if that fails too, ask a member of the store to add your key id to its .gpg-id and re-encrypt (pass init)`, cause);
  }
  if (/Inappropriate ioctl|pinentry|Operation cancelled|No passphrase|Bad passphrase/i.test(err)) {
    return new SinkPermissionError(target, 'gpg needs the passphrase of your key and could not ask for it', `Unlock the key first (run "pass show ${entry}" in a terminal), then try again`, cause);
  }
  if (/Permission denied|Read-only file system/i.test(err)) {
    return new SinkPermissionError(target, `no write access to the password store folder ${storeDir}`, `Make ${storeDir} writable for your user`, cause);
  }
  if (/encryption failed|unusable public key|No public key/i.test(err)) {
    return new SinkConfigError(target, `a recipient in the store's .gpg-id has no usable public key in your keyring`, 'Import the team members\' public keys (gpg --import) or fix .gpg-id, then try again', cause);
  }
  const firstLine = redactText(err.split('\n').find(l => l.trim() !== '')?.trim() ?? '').slice(0, 200);
  return new SinkIoError(target, `pass failed (${cause})${firstLine ? `: ${firstLine}` : ''}`, 'Run the same pass command in a terminal to see the full error', cause);
}
