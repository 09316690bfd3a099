// A multi-step flow with Back and Cancel, independent of how a step asks (VS Code's QuickInputs, a
// test script): each step asks its question and returns the next step; Back replays the previous
// step with the state collected so far; Cancel abandons the whole flow.

/**
 * Thrown inside a step to go back one step or abandon the flow. Recognised by its `flowAction` field,
 * not by identity, so a scripted driver bundled elsewhere (the tests) can throw its own.
 */
export class FlowAction extends Error {
  static readonly back = new FlowAction('back');
  static readonly cancel = new FlowAction('cancel');
  private constructor(readonly flowAction: 'back' | 'cancel') { super(flowAction); }
}

export function flowActionOf(err: unknown): 'back' | 'cancel' | undefined {
  const action = (err as { flowAction?: unknown } | undefined)?.flowAction;
  return action === 'back' || action === 'cancel' ? action : undefined;
}

export type FlowStep<D, S> = (input: D, state: S) => Promise<FlowStep<D, S> | void>;

/** Runs steps until one returns nothing ('done') or the user cancels. `beforeStep` runs as each step starts (closing the last question). */
export async function runFlow<D, S>(first: FlowStep<D, S>, state: S, driver: D, history: FlowStep<D, S>[] = [], beforeStep?: () => void): Promise<'done' | 'cancelled'> {
  let step: FlowStep<D, S> | void = first;
  while (step) {
    history.push(step);
    beforeStep?.();
    try {
      step = await step(driver, state);
    } catch (err) {
      const action = flowActionOf(err);
      if (action === 'back') {
        history.pop();
        step = history.pop();
      } else if (action === 'cancel') {
        return 'cancelled';
      } else {
        throw err;
      }
    }
  }
  return 'done';
}
