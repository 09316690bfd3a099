// Registers every CLI command. Each feature adds one line here; the module itself loads lazily.
import { l10n } from '../../core/l10n/l10n';
import { registerCliCommand } from '../registry';

export function registerAllCommands(): void {
  void registerCliCommand;
  registerCliCommand('lint', () => l10n.t('check .env files: keys of the right project, not shared, not in git'), () => import('./lint'));
  registerCliCommand('audit', () => l10n.t('verify, export, tail or forward the tamper-evident audit log'), () => import('./audit'));
  registerCliCommand('compliance', () => l10n.t('check docker-compose, .env and Helm values of a self-hosted Langfuse; print the compliance report'), () => import('./compliance'));
  registerCliCommand('rotate', () => l10n.t('rotate an API key: create, store, push to targets, verify, revoke (resumable)'), () => import('./rotate'));
  registerCliCommand('export', () => l10n.t('write who holds which role and which keys exist into .langfuse/access.yaml (access as code)'), () => import('./export'));
  registerCliCommand('plan', () => l10n.t('show the drift between .langfuse/access.yaml and the live organization, with the guards\' verdicts'), () => import('./plan'));
  registerCliCommand('apply', () => l10n.t('apply the access plan safely: guarded, journaled, keys through the rotation engine'), () => import('./apply'));
  registerCliCommand('sso', () => l10n.t('set up SSO for a self-hosted Langfuse: redirect URI, variable block, online OpenID Connect check'), () => import('./sso'));
  registerCliCommand('doctor', () => l10n.t('read-only: what works with this server and why (version, key, plan, identity, clock, TLS)'), () => import('./doctor'));
  registerCliCommand('conformance', () => l10n.t('run the product\'s flows against a server with throwaway objects, then remove them'), () => import('./conformance'));
  registerCliCommand('sandbox', () => l10n.t('run the local Langfuse-compatible sandbox server'), () => import('./sandbox'));
}
