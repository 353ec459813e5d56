import { PeriodicSweep } from './periodic-sweep';

describe('PeriodicSweep', () => {
  it('skips a tick while the last sweep still runs, and sweeps again once it has ended, failed or not', async () => {
    let started = 0;
    let finish: (() => void) | undefined;
    let fail = false;
    const sweep = new PeriodicSweep(() => {
      started++;
      if (fail) return Promise.reject(new Error('store down'));
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = sweep.tick();
    await sweep.tick(); // the first is still running
    expect(started).toBe(1);
    finish!();
    await first;
    fail = true;
    await sweep.tick();
    fail = false;
    const third = sweep.tick();
    expect(started).toBe(3);
    finish!();
    await third;
  });
});
