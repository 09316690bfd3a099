// What the Access view's actions ask and tell, independent of how an edge shows it (VS Code's
// dialogs and pickers, a test's script). The flows in this folder hold the questions, the order they
// are asked in and the words; an edge supplies this port and redraws its views afterwards.
import type { AuditEvent } from '../audit/entry';
import type { SessionActionKind } from '../session/actions';
import type { Verdict } from '../session/permissions';
import type { Session } from '../session/session';

export interface PickItem { label: string; description?: string; detail?: string }

export interface InputOptions {
  title: string;
  prompt?: string;
  placeHolder?: string;
  password?: boolean;
  validateInput?(value: string): string | undefined;
}

/** A pick a flow asks, as data: shown as a lone picker (from a tree row) or as one step of a palette flow. */
export interface PickQuestion<T extends PickItem> { title: string; items: T[]; active?: T }

/** Found before anything is asked: the identity may not act here (recorded like the session's refusals). */
export interface Refused { refused: { action: SessionActionKind; resource: AuditEvent['resource']; verdict: Verdict } }

export const isRefused = (q: object): q is Refused => 'refused' in q;

export interface ActionUi {
  /** `active`: the row pre-selected (the current role, never OWNER by position). */
  pick<T extends PickItem>(items: T[], options: { title: string; placeHolder?: string; active?: T }): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal question with buttons; undefined when dismissed. */
  choose<T extends string>(message: string, buttons: T[], detail?: string): Promise<T | undefined>;
  /** A refusal the user must read (names whom to ask). */
  refuse(message: string): Promise<void>;
  /** Information that is neither a change nor a refusal ("this project has no keys"). */
  notify(message: string): void;
  /** The short confirmation that ends every change, naming what changed. */
  done(message: string): void;
  /** A passing note about `subject` (a key), withdrawn once `withdraw(subject)` says it no longer holds. */
  transient(message: string, subject: string): void;
  withdraw(subject: string): void;
}

/** One action on one connection: its session (guards, confirmations, audit) and the edge's port. */
export interface FlowContext {
  session: Session;
  ui: ActionUi;
  connectionId: string;
  /** After a change was made (the edge redraws its views from what the session reloaded). */
  changed(): void;
}
