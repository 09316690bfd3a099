// Access as code in the editor: the drift diagnostics, the access file's CodeLens, hovers and quick
// fixes, and the read-only plan documents (the commands are registered with the others in commands.ts).
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { AccessParts } from './accessCommands';
import { AccessDrift } from './accessDrift';
import { ACCESS_FILE_SELECTOR, AccessCodeActions, AccessCodeLens, AccessHover } from './accessEditor';
import { PlanDocuments } from './planDocuments';

export function registerAccessAsCode(services: Services): { parts: AccessParts; disposables: vscode.Disposable[] } {
  const parts: AccessParts = { drift: new AccessDrift(services), documents: new PlanDocuments() };
  return {
    parts,
    disposables: [
      parts.drift, parts.documents,
      vscode.languages.registerCodeLensProvider(ACCESS_FILE_SELECTOR, new AccessCodeLens(parts.drift)),
      vscode.languages.registerHoverProvider(ACCESS_FILE_SELECTOR, new AccessHover(parts.drift)),
      vscode.languages.registerCodeActionsProvider(ACCESS_FILE_SELECTOR, new AccessCodeActions(parts.drift), { providedCodeActionKinds: AccessCodeActions.kinds }),
    ],
  };
}
