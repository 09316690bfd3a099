import * as vscode from 'vscode';
import { ContextKeys } from '../../core/names';
import type { Services } from '../services';

/** Resume / Abort Key Rotation appear in the palette only while some rotation of this machine is unfinished. */
export function updateRotationContext(services: Services, known?: boolean): Thenable<unknown> {
  const unfinished = known ?? services.clients.host().resumableRotations().length > 0;
  return vscode.commands.executeCommand('setContext', ContextKeys.hasUnfinishedRotations, unfinished);
}

/** A rotation command, with the context key brought up to date once it ends (however it ends). */
export function thenUpdateRotationContext<A extends unknown[], R>(services: Services, command: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => command(...args).finally(() => void updateRotationContext(services));
}
