import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** A declared setting as React state, following changes made by other pages. */
export function useSetting<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
): [T | undefined, (v: T) => Promise<void>] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    item.getValue().then((v) => live && setValue(v));
    const off = item.watch((v) => setValue(v));
    return () => {
      live = false;
      off();
    };
  }, [item]);
  return [value, (v: T) => item.setValue(v)];
}
