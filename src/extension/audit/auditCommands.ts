import * as vscode from 'vscode';
import { folderScope, writeFileInScope } from '../../core/fs/scopedWrite';
import type { AuditFilter } from '../../core/audit/reader';
import { exportFilter, filterFacets, verifySummary } from '../../core/audit/presentation';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import type { AuditLogView, AuditNode } from './auditLogView';

/** An entry as read-only JSON (ui/reportDocuments.ts): closing it never asks to save. */
export async function openAuditEntry(services: Services, node: AuditNode): Promise<vscode.TextDocument | undefined> {
  if (node.kind !== 'entry') return undefined;
  const e = node.entry;
  return services.reports.open({ kind: 'audit', id: `${e.seq}-${e.hash.slice(0, 12)}`, title: vscode.l10n.t('Audit entry {0} {1}', e.seq, e.action), language: 'json', render: () => `${JSON.stringify(e, null, 2)}\n` });
}

/** Filter by project, actor or action, with the values present in the log. */
export async function filterAuditLog(services: Services, view: AuditLogView): Promise<AuditFilter | undefined> {
  const audit = loadChunk('audit');
  const facets = audit.auditFacets(audit.readAuditLog(services.auditFile, { hideCheckpoints: true }).entries);
  const by = await services.ui.pick(filterFacets(facets), { title: vscode.l10n.t('Filter the audit log by') });
  if (!by) return undefined;
  const value = await services.ui.pick(by.values.map(v => ({ label: v })), { title: vscode.l10n.t('Audit log: {0}', by.label.toLowerCase()) });
  if (!value) return undefined;
  const filter = { ...view.filter, [by.key]: value.label };
  view.setFilter(filter);
  return filter;
}

/** Checks the hash chain and signed checkpoints; says which line was edited, deleted, inserted or reordered. */
export async function verifyAuditLogCommand(services: Services): Promise<{ ok: boolean; message: string } | undefined> {
  const audit = loadChunk('audit');
  const file = services.auditFile;
  const presence = audit.auditLogPresence(file, services.stateDir);
  if (!presence.present) {
    // Nothing is recorded here: a record would start a fresh log that verifies, hiding the deleted one.
    const missing = audit.missingLogText(presence, false);
    if (missing.ok) services.ui.notify(missing.text); else await services.ui.refuse(missing.text);
    return { ok: missing.ok, message: missing.text };
  }
  // Read asynchronously (with worker threads on a large log): the extension host stays responsive.
  const report = await services.progress.run({ title: vscode.l10n.t('Verifying the audit log'), place: 'notification', cancellable: true },
    work => audit.verifyAuditLogParallel(file, { knownTip: audit.forwardedTip(services.stateDir) }, {}, work));
  if (!report) return undefined;
  const message = verifySummary(report);
  services.record({ action: 'audit.verify', resource: { kind: 'auditLog' }, outcome: report.ok ? 'success' : 'failure', details: { entries: report.entries, problems: report.problems.length } });
  if (report.ok) services.ui.notify(message); else await services.ui.refuse(message);
  return { ok: report.ok, message };
}

/** Exports a date range as JSON Lines or CSV. */
export async function exportAuditLog(services: Services, target?: vscode.Uri): Promise<string | undefined> {
  const format = (await services.ui.pick([{ label: vscode.l10n.t('JSON Lines'), ext: 'jsonl' as const }, { label: 'CSV', ext: 'csv' as const }], { title: vscode.l10n.t('Export the audit log as') }))?.ext;
  if (!format) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const since = await services.ui.input({ title: vscode.l10n.t('Export from (YYYY-MM-DD, empty for the beginning)'), prompt: vscode.l10n.t('First day to include (UTC)'), validateInput: v => !v || day.test(v) ? undefined : 'Use YYYY-MM-DD.' });
  if (since === undefined) return undefined;
  const until = await services.ui.input({ title: vscode.l10n.t('Export until (YYYY-MM-DD, empty for today)'), prompt: vscode.l10n.t('Last day to include (UTC)'), validateInput: v => !v || day.test(v) ? undefined : 'Use YYYY-MM-DD.' });
  if (until === undefined) return undefined;
  const audit = loadChunk('audit');
  const filter = exportFilter(since || undefined, until || undefined);
  const entries = audit.readAuditLog(services.auditFile, filter).entries.reverse();
  const uri = target ?? await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`langfuse-access-audit.${format}`), filters: { [format.toUpperCase()]: [format] } });
  if (!uri) return undefined;
  // The chosen file, never through a symbolic link; atomically, 0600 (entries name members and projects).
  writeFileInScope(uri.fsPath, audit.formatAuditExport(entries, format), folderScope(uri.fsPath), { mode: 0o600 });
  services.record({ action: 'audit.export', resource: { kind: 'auditLog' }, outcome: 'success', details: { format, entries: entries.length, since: since || undefined, until: until || undefined } });
  services.ui.done(vscode.l10n.t('Exported {0} audit entries to {1}.', entries.length, uri.fsPath));
  return uri.fsPath;
}
