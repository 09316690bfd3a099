import * as vscode from 'vscode';
import { escapeIcons, forLabel } from '../../core/display';
import { shortPublicKey } from '../../core/log/redact';
import { Commands, StatusBarIds } from '../../core/names';
import type { RotationJournal } from '../../core/rotation/index';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';

/**
 * "$(debug-pause) Rotation paused: pk-lf-…0001 at Evidence…" while one of this window's rotations
 * waits for a person: a notification disappears after a while, a paused rotation must not. Clicking
 * it resumes the rotation.
 */
export class PausedRotationStatus extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem(StatusBarIds.pausedRotation, vscode.StatusBarAlignment.Left, 49));

  constructor(private readonly unfinished: () => RotationJournal[]) {
    super();
    this.item.name = vscode.l10n.t('Langfuse Access: paused key rotation');
  }

  /** The text shown now, undefined when hidden (tests read it). */
  get text(): string | undefined {
    return this.item.text || undefined;
  }

  /** What a screen reader says for it (tests read it): the words without the pause icon, and what pressing it does. */
  get spoken(): string | undefined {
    return this.item.accessibilityInformation?.label;
  }

  get command(): vscode.Command | undefined {
    return typeof this.item.command === 'object' ? this.item.command : undefined;
  }

  update(): void {
    const paused = this.unfinished().filter(j => j.waiting || j.status === 'rollingBack');
    if (paused.length === 0) { this.item.text = ''; this.item.hide(); return; }
    const j = paused[0];
    const at = loadChunk('core').waitingAt(j);
    const what = paused.length > 1 ? vscode.l10n.t('{0} rotations paused', paused.length)
      : j.status === 'rollingBack' ? vscode.l10n.t('Rollback of {0} unfinished', subjectOf(j))
        : vscode.l10n.t('Rotation of {0} paused at {1}/{2} {3}', subjectOf(j), at.index, at.total, at.title);
    this.item.text = `$(debug-pause) ${escapeIcons(forLabel(what))}`;
    this.item.tooltip = forLabel(vscode.l10n.t('{0} Click to resume (rotation {1}, project {2}).', j.waiting?.message ?? vscode.l10n.t('The rollback is not finished.'), j.id, j.project.name));
    this.item.accessibilityInformation = { label: vscode.l10n.t('Langfuse Access: {0}. Press to resume.', forLabel(what)), role: 'button' };
    this.item.command = { title: vscode.l10n.t('Resume Key Rotation'), command: Commands.resumeRotation, arguments: paused.length > 1 ? [] : [j.id] };
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }
}

/** The key a rotation replaces, or the key it creates (access as code's create mode has no old key). */
function subjectOf(j: RotationJournal): string {
  return j.oldKey ? shortPublicKey(j.oldKey.publicKey) : vscode.l10n.t('the new key "{0}" of {1}', j.newKeyNote ?? '', j.project.name);
}
