import { describe, expect, test } from 'vitest';
import { type SettleClock, type SettleProbe, waitForPanel } from './panel-settle.ts';

/** A clock that only moves when waited on, so a test decides how slow the machine is. */
function fakeClock(): SettleClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

/** The panel and page as a function of time: what the state text is and whether it has caught up then. */
function probeOf(
  clock: SettleClock & { t: number },
  at: (t: number) => { state: string; caughtUp: boolean },
  pageQuietMs = 300,
): SettleProbe & { reads: number } {
  const probe = {
    reads: 0,
    state: async () => at(clock.t).state,
    caughtUp: async () => {
      probe.reads++;
      return at(clock.t).caughtUp;
    },
    pageQuiet: async () => {
      clock.t += pageQuietMs;
    },
  };
  return probe;
}

describe('waitForPanel', () => {
  test('a panel caught up with a quiet page: done after its quiet time', async () => {
    const clock = fakeClock();
    const probe = probeOf(clock, () => ({ state: '3 3 0 idle', caughtUp: true }));
    expect(await waitForPanel(probe, clock)).toBe(true);
    expect(clock.t).toBeGreaterThanOrEqual(1000);
    expect(clock.t).toBeLessThan(1500);
  });

  test('a late form the agent noticed but a slow panel scans only 4 s later is waited for, and its fill too', async () => {
    // The old fixed 600 ms wait read the page at about 1.9 s here, before the form was filled.
    const clock = fakeClock();
    const probe = probeOf(clock, (t) =>
      t < 4000
        ? { state: '0 0 0 idle', caughtUp: false } // the agent: a control changed, not read yet
        : t < 5000
          ? { state: '0 0 0 scanning', caughtUp: false }
          : t < 5100
            ? { state: '2 0 0 due', caughtUp: false }
            : t < 7000
              ? { state: '2 0 0 filling', caughtUp: false }
              : { state: '2 2 0 idle', caughtUp: true },
    );
    expect(await waitForPanel(probe, clock)).toBe(true);
    expect(await probe.state()).toBe('2 2 0 idle');
    expect(clock.t).toBeGreaterThanOrEqual(8000);
  });

  test('a change arriving while the page settles is not missed: caught up again only after it is handled', async () => {
    const clock = fakeClock();
    // Caught up at first; a control appears at 1100 ms (during the page's quiet wait), read and filled by 3 s.
    const probe = probeOf(clock, (t) =>
      t < 1100
        ? { state: '1 1 0 idle', caughtUp: true }
        : t < 3000
          ? { state: '1 1 0 idle', caughtUp: false }
          : { state: '2 2 0 idle', caughtUp: true },
    );
    expect(await waitForPanel(probe, clock)).toBe(true);
    expect(clock.t).toBeGreaterThanOrEqual(4000);
  });

  test('a panel that never catches up: false at the limit, so the caller reads what is there', async () => {
    const clock = fakeClock();
    const probe = probeOf(clock, () => ({ state: '5 4 0 filling', caughtUp: false }));
    expect(await waitForPanel(probe, clock, { maxMs: 20_000 })).toBe(false);
    expect(clock.t).toBeGreaterThanOrEqual(20_000);
    expect(clock.t).toBeLessThan(20_500);
  });

  test('a state that keeps changing is not taken for settled, even when each look says caught up', async () => {
    const clock = fakeClock();
    // A new row every 500 ms until 6 s: the quiet time never passes before then.
    const probe = probeOf(clock, (t) => ({ state: `${Math.min(12, Math.floor(t / 500))}`, caughtUp: true }));
    expect(await waitForPanel(probe, clock)).toBe(true);
    expect(clock.t).toBeGreaterThanOrEqual(7000);
  });
});
