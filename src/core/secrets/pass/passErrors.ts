import { l10n } from '../../l10n/l10n';
import { redactText } from '../../log/redact';
import { SinkConfigError, SinkError, SinkIoError, SinkNotFoundError, SinkPermissionError } from '../errors';
import type { PassResult } from './runPass';

/** Maps a failed `pass` run to a sink error, from its (never secret) stderr. */
export function passSinkError(target: string, entry: string, storeDir: string, result: PassResult): SinkError {
  const err = result.stderr;
  const cause = `exit ${result.code}`;
  if (/is not in the password store/.test(err)) {
    return new SinkNotFoundError(target, l10n.t('{0} is not in the password store at {1}', entry, storeDir), l10n.t('Check the entry name with "{0}"', 'pass ls'), cause);
  }
  if (/You must run:|before you may use the password store/.test(err)) {
    return new SinkConfigError(target, l10n.t('the password store at {0} is not initialised', storeDir), l10n.t('Run "{0}" (or point the settings at your team\'s store)', 'pass init <your GPG key id>'), cause);
  }
  if (/decryption failed|No secret key/i.test(err)) {
    // gpg says "No secret key" both for a foreign recipient and for a locked key it could not ask about.
    return new SinkPermissionError(target, l10n.t('gpg could not decrypt {0}: your key is locked (its passphrase could not be asked for here) or the entry is encrypted for other recipients (.gpg-id)', entry), l10n.t('Run "{0}" in a terminal to unlock your key; if that fails too, ask a member of the store to add your key id to its .gpg-id and re-encrypt (pass init)', `pass show ${entry}`), cause);
  }
  if (/Inappropriate ioctl|pinentry|Operation cancelled|No passphrase|Bad passphrase/i.test(err)) {
    return new SinkPermissionError(target, l10n.t('gpg needs the passphrase of your key and could not ask for it'), l10n.t('Unlock the key first (run "{0}" in a terminal), then try again', `pass show ${entry}`), cause);
  }
  if (/Permission denied|Read-only file system/i.test(err)) {
    return new SinkPermissionError(target, l10n.t('no write access to the password store folder {0}', storeDir), l10n.t('Make {0} writable for your user', storeDir), cause);
  }
  if (/encryption failed|unusable public key|No public key/i.test(err)) {
    return new SinkConfigError(target, l10n.t('a recipient in the store\'s .gpg-id has no usable public key in your keyring'), l10n.t('Import the team members\' public keys (gpg --import) or fix .gpg-id, then try again'), cause);
  }
  const firstLine = redactText(err.split('\n').find(l => l.trim() !== '')?.trim() ?? '').slice(0, 200);
  return new SinkIoError(target, firstLine ? l10n.t('pass failed ({0}): {1}', cause, firstLine) : l10n.t('pass failed ({0})', cause), l10n.t('Run the same pass command in a terminal to see the full error'), cause);
}
