import * as vscode from 'vscode';
import { SecretKeys, Settings } from '../../core/names';
import type { SinkTokenId } from '../../core/secrets/sinkTokens';
import { loadChunk } from '../lazy';
import type { Services } from '../services';

/**
 * "Set Vault Token…" / "Set SIEM Token for Audit Forwarding…": the token goes to SecretStorage only
 * (never settings, logs or the audit entry). A Vault token is first shown to the Vault of the user's
 * settings, so a wrong one is refused now rather than mid-rotation.
 */
export async function setSinkToken(services: Services, id: SinkTokenId): Promise<boolean> {
  const core = loadChunk('core');
  const info = core.SINK_TOKENS[id];
  const token = (await services.ui.input({ title: vscode.l10n.t('Langfuse Access: {0}', info.label), prompt: info.prompt, password: true, validateInput: core.sinkTokenProblem }))?.trim();
  if (!token) return false;
  let note = '';
  if (id === 'vault') {
    const settings = core.secretManagersFromSetting(vscode.workspace.getConfiguration().inspect(Settings.secretManagers)?.globalValue, m => services.log.warn(m));
    const decision = core.vaultTokenDecision(await core.checkVaultToken(settings.vault, token));
    if (decision.action === 'refuse') {
      services.record({ action: 'sink.tokenSet', resource: { kind: 'sink', id }, outcome: 'refused', details: { reason: decision.message } });
      await services.ui.refuse(decision.message);
      return false;
    }
    if (decision.action === 'ask' && !await services.ui.confirm(decision.message, 'Store Token')) return false;
    if (decision.action === 'store') note = ` ${decision.message}`;
  }
  await services.context.secrets.store(SecretKeys.sink(id), token);
  services.record({ action: 'sink.tokenSet', resource: { kind: 'sink', id }, outcome: 'success' });
  services.ui.notify(vscode.l10n.t('{0} stored in SecretStorage.{1}', info.label, note));
  return true;
}
