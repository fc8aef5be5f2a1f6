import { createContext, useContext, useEffect, useState } from 'react';
import type { OpenLog } from '../utils/log-client';

export const LogContext = createContext<OpenLog | null>(null);

export function useOpenLog(): OpenLog {
  const open = useContext(LogContext);
  if (!open) throw new Error('useOpenLog outside a LogContext');
  return open;
}

/** A number that changes whenever the log changes (here, in another tab, or loaded from storage). */
export function useLogRevision(): number {
  const { session } = useOpenLog();
  const [rev, setRev] = useState(0);
  useEffect(() => {
    // React batches the updates of one task into one render, so a file import of thousands of entries
    // (one transaction) still renders once; waiting for a frame would only add latency to every edit.
    const bump = () => setRev((r) => r + 1);
    const off = session.log.onChange(bump);
    const offShards = session.onShardLoaded(bump);
    return () => {
      off();
      offShards();
    };
  }, [session]);
  return rev;
}
