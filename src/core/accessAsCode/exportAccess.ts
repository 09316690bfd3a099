// `export`: the live organization into the access file — the sections written in place, the rest of
// the file untouched — under the access file's lock, with the scoped no-follow writer (the file and
// `.langfuse/` must stay inside the repository folder), audited like every change this tool makes.
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { parseAccessFile } from '../access/accessFile';
import { withAccessFileLock } from '../access/accessFileLock';
import { hostLabel } from '../connections/connection';
import { ensureDirInScope, readFileNoFollow, writeFileInScope, type WriteScope } from '../fs/scopedWrite';
import type { Session } from '../session/session';
import { exportDeclaration, type ExportedDeclaration } from './exportDeclaration';
import { writeExportedYaml } from './exportYaml';
import { readLiveOrganization } from './liveState';
import { refuseUntrusted } from './trust';
import { AccessFileError } from './workspaceFile';

export interface ExportResult { file: string; created: boolean; exported: ExportedDeclaration }

export interface ExportOptions {
  scope?: WriteScope;
  /** Only these projects, and no organization section: the live conformance suite's throwaway project. */
  projects?: readonly string[];
}

export async function exportAccess(session: Session, file: string, options: ExportOptions = {}): Promise<ExportResult> {
  refuseUntrusted(session, 'export');
  const { port } = session.host;
  const rootDir = path.dirname(path.dirname(file));
  const scope = options.scope ?? { roots: [rootDir], label: l10n.t('the repository folder {0}', rootDir) };
  const live = await readLiveOrganization(session.client, { projects: options.projects, now: () => port.clock.now() });
  return withAccessFileLock(file, { stateDir: port.stateDir, tool: port.tool, purpose: `exporting into ${file}` }, () => {
    const before = readFileNoFollow(file);
    const config = before === undefined ? undefined : parseAccessFile(before, file, rootDir);
    if (config && !config.config) {
      throw new AccessFileError(`${file} is not valid, so export does not write into it; fix it first (${config.problems[0]?.message ?? 'see the editor'}).`);
    }
    const exported = exportDeclaration({ live, rootDir, environments: config?.config?.environments ?? {}, existing: config?.config });
    const text = writeExportedYaml(before, exported, {
      connection: session.connection.id, host: hostLabel(session.connection.baseUrl), date: port.clock.now().toISOString(), actor: port.actor().label,
      organization: options.projects === undefined,
    });
    ensureDirInScope(path.dirname(file), scope);
    writeFileInScope(file, text, scope, before === undefined ? { mode: 0o644 } : {});
    session.host.record(session.withConnection({
      action: 'access.export', outcome: 'success', resource: { kind: 'accessFile', name: file },
      details: { created: before === undefined, ...(options.projects ? { only: [...options.projects] } : { members: exported.organization.members.length }), projects: exported.projects.length, keys: exported.projects.reduce((n, p) => n + p.keys.length, 0) },
    }));
    return { file, created: before === undefined, exported };
  });
}
