import * as vscode from 'vscode';
import { Commands } from '../../core/names';
import { redactText } from '../../core/log/redact';
import type { Services } from '../services';
import { MultiStepInput } from '../ui/multiStepInput';
import type { SsoWizardState } from './ssoSteps';
import { pickProvider } from './ssoSteps';
import { pickTarget, targetFor, writeSsoBlock } from './ssoWrite';
import { loadChunk } from '../lazy';
import { editorReader } from '../compliance/deploymentDiagnostics';

export interface SsoSetupOutcome {
  file: string;
  redirectUri: string;
  written: string[];
}

/**
 * "Set Up SSO for Self-Hosted Langfuse…": provider → public URL → the redirect URI to register →
 * issuer and client id → optional online check → domain enforcement and password login → the
 * deployment file, shown and confirmed before it is written. From the palette, or with the URI of
 * a deployment file (the SSO compliance findings' code action passes it).
 */
export async function setUpSso(services: Services, uri?: vscode.Uri): Promise<SsoSetupOutcome | undefined> {
  const preset = targetFor(uri ?? vscode.window.activeTextEditor?.document.uri);
  const defaults = preset ? loadChunk('sso').ssoDefaults(preset, editorReader(preset) ?? '', editorReader) : {};
  const state: SsoWizardState = { file: preset, publicUrl: defaults.publicUrl, enforceDomains: defaults.enforceDomains, copy: text => services.ui.copy(text) };
  if (await MultiStepInput.run(pickProvider, state, services.ui.steps) === 'cancelled' || !state.plan) return undefined;
  const file = await pickTarget(services, uri ? preset : undefined);
  if (!file) return undefined;
  const onlineCheck = state.check ? (state.check.ok ? 'passed' : 'failed') : 'skipped';
  const result = await writeSsoBlock(services, file, state.plan, onlineCheck);
  return result ? { file, redirectUri: state.plan.redirectUri, written: result.written } : undefined;
}

/** Registers the SSO assistant's command (one call from activation; the work lives in the sso chunk). */
export function registerSsoCommands(services: Services): vscode.Disposable[] {
  return [vscode.commands.registerCommand(Commands.setUpSso, async (uri?: vscode.Uri) => {
    try {
      return await setUpSso(services, uri instanceof vscode.Uri ? uri : undefined);
    } catch (err) {
      services.log.error(`${Commands.setUpSso} failed:`, err);
      services.ui.failed(redactText(err instanceof Error ? err.message : String(err)), () => services.channel.show(), err);
      return undefined;
    }
  })];
}
