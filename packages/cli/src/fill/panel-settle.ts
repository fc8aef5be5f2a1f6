// When `tianbao fill` may read the page: the side panel keeps working after 一键填报 (a late form, a step
// shown by 下一步, the rescan after its own fill), and on a slow machine each round takes longer than any
// fixed wait. The panel and the portal agent say what they are doing; this waits until both are done.

/** What the wait reads of the page and the panel. */
export interface SettleProbe {
  /** The panel's rows, counts and work as one text: it changes while the panel works. */
  state(): Promise<string>;
  /**
   * The panel has read the page as it is now and has nothing left to do: the agent has no control change
   * that no scan or fill has read (`unread`), and the panel is not scanning, filling or about to fill.
   */
  caughtUp(): Promise<boolean>;
  /** Resolves once the page's DOM has been quiet for a moment (or after a limit). */
  pageQuiet(): Promise<void>;
}

export interface SettleClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface SettleOptions {
  /** The panel's state must stay the same this long (a page may still be about to change). */
  quietMs?: number;
  /** Give up after this long and let the caller read what is there. */
  maxMs?: number;
  pollMs?: number;
}

/**
 * Resolves true once the panel is caught up with a quiet page and its state has not changed for quietMs,
 * false at maxMs.
 */
export async function waitForPanel(
  probe: SettleProbe,
  clock: SettleClock,
  { quietMs = 1000, maxMs = 60_000, pollMs = 100 }: SettleOptions = {},
): Promise<boolean> {
  const start = clock.now();
  let last = await probe.state();
  let since = clock.now();
  while (clock.now() - start < maxMs) {
    if (clock.now() - since >= quietMs && (await probe.caughtUp())) {
      await probe.pageQuiet();
      // Still so after the page's quiet time: nothing arrived that the panel has not handled.
      if ((await probe.caughtUp()) && (await probe.state()) === last) return true;
    }
    await clock.sleep(pollMs);
    const now = await probe.state();
    if (now !== last) [last, since] = [now, clock.now()];
  }
  return false;
}
