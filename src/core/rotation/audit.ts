// Maps the engine's audit callback onto the shared hash-chained audit log, so the extension and the
// CLI write the same entries: resource "rotation", the old public key, project, connection, host.
import type { AuditWriter } from '../audit/auditWriter';
import { hostLabel } from '../connections/connection';
import { rotationSubject } from './journal';
import type { RotationDeps } from './types';

export function auditRotationTo(writer: Pick<AuditWriter, 'append'>): NonNullable<RotationDeps['audit']> {
  return e => {
    writer.append({
      action: e.action,
      outcome: e.outcome,
      details: e.details,
      resource: {
        kind: 'rotation', id: e.journal.id, name: rotationSubject(e.journal), project: e.journal.project.name,
        connection: e.journal.connection.id, host: hostLabel(e.journal.connection.baseUrl),
      },
    });
  };
}
