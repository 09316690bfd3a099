import * as vscode from 'vscode';
import { StateKeys } from '../../core/names';
import { notification } from '../ui/notifications';

const SHOWN_KEY = StateKeys.secretStorageNoticeShown;
const DOCS = 'https://code.visualstudio.com/docs/configure/settings-sync#_troubleshooting-keychain-issues';

/**
 * On Linux without a Secret Service (no gnome-keyring/KWallet on D-Bus), VS Code keeps SecretStorage
 * in memory for the session or in its weaker "basic" store. Say so once, before the first key pair is
 * stored, instead of letting keys vanish after a restart without explanation.
 */
export async function noticeSecretStorageOnce(context: vscode.ExtensionContext, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (process.platform !== 'linux' || vscode.env.uiKind !== vscode.UIKind.Desktop || vscode.env.remoteName) return;
  if (env.DBUS_SESSION_BUS_ADDRESS && (env.XDG_CURRENT_DESKTOP || env.GNOME_KEYRING_CONTROL)) return;
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  await context.globalState.update(SHOWN_KEY, true);
  const openDocs = vscode.l10n.t('Open Docs');
  const choice = await notification('warning',
    vscode.l10n.t('No desktop keyring was found. VS Code then keeps key pairs in memory for this session only, or in its weaker "basic" store if you chose it (password-store=basic). Install and unlock gnome-keyring or KWallet, or start VS Code with --password-store="gnome-libsecret", to keep them safely across restarts.'),
    openDocs);
  if (choice === openDocs) await vscode.env.openExternal(vscode.Uri.parse(DOCS));
}

/** A failed SecretStorage write, explained (the usual cause on Linux is a missing or locked keyring). */
export function secretStorageError(err: unknown): Error {
  const reason = err instanceof Error ? err.message : String(err);
  return new Error(vscode.l10n.t('VS Code could not store the key pair in its SecretStorage ({0}). On Linux this usually means no unlocked keyring (gnome-keyring, KWallet) is available; see {1}. Nothing was saved.', reason, DOCS));
}
