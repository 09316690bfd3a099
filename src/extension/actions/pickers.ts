import * as vscode from 'vscode';
import type { PaletteAnswers, PaletteGoal } from '../../core/actions/index';
import { l10n } from '../../core/l10n/l10n';
import { Settings } from '../../core/names';
import type { NodeOf } from '../../core/org/accessNodes';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { MultiStepInput } from '../ui/multiStepInput';
import { flowContext } from './flowContext';

/** A command that needs only a connection asks for it when run from the palette (and there are several). */
export async function pickConnectionNode(services: Services): Promise<NodeOf<'connection'> | undefined> {
  const connections = services.connections.list();
  if (connections.length === 0) {
    services.ui.notify(l10n.t('Add a Langfuse connection first ("Langfuse Access: Add Connection…").'));
    return undefined;
  }
  if (connections.length === 1) return { kind: 'connection', connectionId: connections[0].id };
  const pick = await services.ui.pick(connections.map(c => ({ label: c.name, description: c.baseUrl, id: c.id })), { title: l10n.t('Choose a connection') });
  return pick && { kind: 'connection', connectionId: pick.id };
}

/**
 * Asks an Access view action's questions from the palette as one multi-step input — connection (when
 * there are several) → project → member or key → role or note — with step n/N and Back; the questions
 * are core's (core/actions/paletteFlow.ts), rendered by ui/multiStepInput.ts (or a test's script).
 */
export async function askFromPalette(services: Services, goal: PaletteGoal): Promise<PaletteAnswers | undefined> {
  const connections = services.connections.list();
  if (connections.length === 0) {
    services.ui.notify(l10n.t('Add a Langfuse connection first ("Langfuse Access: Add Connection…").'));
    return undefined;
  }
  return loadChunk('core').askFromPalette(goal, {
    connections: connections.map(c => ({ id: c.id, name: c.name, baseUrl: c.baseUrl })),
    contextOf: id => flowContext(services, id),
    run: (first, state) => MultiStepInput.run(first, state, services.ui.steps),
    noteConvention: vscode.workspace.getConfiguration().get<string>(Settings.keyNoteConvention) ?? '',
  });
}
