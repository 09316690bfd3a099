// Preloaded (NODE_OPTIONS=--require) into every Node process of the date-shift check
// (test/scripts/date-shift.mjs): moves Date by LANGFUSE_ACCESS_TEST_CLOCK_SHIFT_DAYS whole days and
// lets it run on. Timers, timeouts and file times stay real. Only this file reads the variable: the
// extension and the CLI have no clock override.
//
// Why not libfaketime (Debian has it, and it moves Node's clock): VS Code deletes LD_PRELOAD from the
// extension host's environment (removeDangerousEnvVariables in vs/base/common/processes.ts), so it
// never reaches the extension, while NODE_OPTIONS does. Why not @sinonjs/fake-timers: its Date either
// stands still or is advanced by an interval that keeps every CLI child alive.
/* global process */
'use strict';
const days = Number(process.env.LANGFUSE_ACCESS_TEST_CLOCK_SHIFT_DAYS ?? 0);
if (Number.isInteger(days) && days !== 0) {
  const RealDate = Date;
  const offsetMs = days * 86_400_000;
  // A function, not a subclass: its prototype IS Date.prototype, so dates made by Node's internals
  // (fs.Stats) and by this shim are instances of each other's Date.
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offsetMs).toString();
    return Reflect.construct(RealDate, args.length ? args : [RealDate.now() + offsetMs], new.target);
  }
  ShiftedDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(ShiftedDate, RealDate); // Date.UTC, Date.parse
  ShiftedDate.now = () => RealDate.now() + offsetMs;
  globalThis.Date = ShiftedDate;
}
