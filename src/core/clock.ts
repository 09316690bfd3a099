/** Where "now" comes from. The shipped extension and CLI always use systemClock; only tests and the sandbox inject another. */
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads exactly `start` the first time it is asked and then runs on at `base`'s pace
 * (the sandbox's `--now`, tests): a sandbox built on it starts at `start` to the millisecond.
 */
export function clockStartingAt(start: Date, base: Clock = systemClock): Clock {
  let offsetMs: number | undefined;
  return {
    now() {
      const t = base.now().getTime();
      offsetMs ??= start.getTime() - t;
      return new Date(t + offsetMs);
    },
  };
}
