/** Where "now" comes from. The shipped extension and CLI always use systemClock; only tests and the sandbox inject another. */
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };
