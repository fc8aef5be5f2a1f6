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
    let frame = 0;
    const bump = () => {
      if (frame) return;
      // One re-render per frame however many changes arrive (a file import is thousands).
      frame = requestAnimationFrame(() => {
        frame = 0;
        setRev((r) => r + 1);
      });
    };
    const off = session.log.onChange(bump);
    const offShards = session.onShardLoaded(bump);
    return () => {
      off();
      offShards();
      cancelAnimationFrame(frame);
    };
  }, [session]);
  return rev;
}
