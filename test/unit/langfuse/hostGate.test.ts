// The per-host gate shared by every client of a host: cap, request budget and the 429 pause.
import * as assert from 'node:assert/strict';
import { HostGate } from '../../../src/core/langfuse/http/hostGate';

describe('host gate', () => {
  it('never lets more than the cap through, and hands a freed slot to the next waiter', async () => {
    const gate = new HostGate('http://127.0.0.1:1', { maxConcurrency: 3 });
    let active = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 12 }, async () => {
      await gate.acquire();
      active++;
      peak = Math.max(peak, active);
      await new Promise(r => setTimeout(r, 5));
      active--;
      gate.release();
    }));
    assert.equal(peak, 3);
    assert.equal(gate.peakInFlight, 3);
    assert.equal(gate.inFlight, 0);
  });

  it('spends a per-minute budget shared by all requests, then waits for refills', async () => {
    const gate = new HostGate('http://127.0.0.1:1', { maxConcurrency: 16, requestsPerMinute: 600 });
    const t0 = Date.now();
    for (let i = 0; i < 600; i++) { await gate.acquire(); gate.release(); }
    assert.ok(Date.now() - t0 < 100, 'the first minute\'s budget is available at once');
    const t1 = Date.now();
    for (let i = 0; i < 3; i++) { await gate.acquire(); gate.release(); }
    assert.ok(Date.now() - t1 >= 250, `3 more requests at 10/s should take ~300 ms, took ${Date.now() - t1} ms`);
  });

  it('after a 429 pause nobody is let through before the pause ends', async () => {
    const gate = new HostGate('http://127.0.0.1:1', { maxConcurrency: 4 });
    gate.pause(200);
    const t0 = Date.now();
    await Promise.all([gate.acquire(), gate.acquire()]);
    assert.ok(Date.now() - t0 >= 190, `waited only ${Date.now() - t0} ms`);
    gate.release();
    gate.release();
  });
});
