// What a step of a multi-step flow can ask, independent of how it is shown: VS Code's QuickInputs
// (src/extension/ui/multiStepInput.ts) or a test's script. Items are plain data; a separator row
// is `separator: true`.
import type { FlowStep } from './steps';

export interface StepItem {
  label: string;
  description?: string;
  detail?: string;
  /** A heading row between groups of items (not pickable). */
  separator?: boolean;
}

interface CommonOptions {
  title: string;
  step: number;
  totalSteps: number;
  placeholder?: string;
  ignoreFocusOut?: boolean;
}

export interface PickOptions<T extends StepItem> extends CommonOptions {
  items: readonly T[];
  activeItem?: T;
  matchOnDescription?: boolean;
}

/** The rows of a pick once loaded, and the row to pre-select (the earlier choice, when Back returns here). */
export interface LoadedItems<T extends StepItem> {
  items: readonly T[];
  active?: T;
}

export interface LoadingPickOptions<T extends StepItem> extends CommonOptions {
  /** Fetches the rows (from the network); `signal` aborts when the user leaves the step before they arrive. */
  load(signal: AbortSignal): Promise<LoadedItems<T>>;
  matchOnDescription?: boolean;
}

export interface TextOptions extends CommonOptions {
  value?: string;
  prompt: string;
  password?: boolean;
  /** Returns an error message, or undefined when valid. May be async (the input shows busy meanwhile). */
  validate?: (value: string) => string | undefined | Promise<string | undefined>;
}

export interface StepDriver {
  pick<T extends StepItem>(options: PickOptions<T>): Promise<T>;
  pickMany<T extends StepItem>(options: PickOptions<T> & { selected?: readonly T[]; minimum?: number }): Promise<T[]>;
  text(options: TextOptions): Promise<string>;
  /**
   * A pick shown busy at once and filled when `load` answers; leaving it first (Back, Escape) aborts the
   * load. Optional: `pickWhenLoaded` loads first and then asks `pick` where a driver has no screen.
   */
  pickLoading?<T extends StepItem>(options: LoadingPickOptions<T>): Promise<T>;
  /** Work between two questions that takes a while (an online check), shown as progress where there is a screen. */
  busy?<T>(title: string, work: () => Promise<T>): Promise<T>;
}

export type Step<S> = FlowStep<StepDriver, S>;

/** Runs `work` with the driver's progress display if it has one. */
export function whileBusy<T>(driver: StepDriver, title: string, work: () => Promise<T>): Promise<T> {
  return driver.busy ? driver.busy(title, work) : work();
}

/** Asks a pick whose rows come from the network: busy at once where the driver can show it, else loaded first. */
export async function pickWhenLoaded<T extends StepItem>(driver: StepDriver, options: LoadingPickOptions<T>): Promise<T> {
  if (driver.pickLoading) return driver.pickLoading(options);
  const { load, ...rest } = options;
  const { items, active } = await load(new AbortController().signal);
  return driver.pick({ ...rest, items, activeItem: active });
}
