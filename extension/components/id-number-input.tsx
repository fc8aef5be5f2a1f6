import { maskIdNumber } from '@tianbao/core';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * 身份证号: shown masked (2301**********1234) except while the person is typing in it, so it is not read
 * over a shoulder or caught in a screenshot of the tab.
 */
export function IdNumberInput(props: { value: string; onChange: (v: string) => void }) {
  const [editing, setEditing] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  // Swapping the mask for the whole number moves the caret to the end; select it all instead, so typing
  // (or pasting) replaces the number rather than running into the 18-character limit.
  useLayoutEffect(() => {
    if (editing) ref.current?.select();
  }, [editing]);
  return (
    <input
      ref={ref}
      value={editing ? props.value : maskIdNumber(props.value)}
      onFocus={() => setEditing(true)}
      onBlur={() => setEditing(false)}
      onChange={(e) => props.onChange(e.target.value)}
      maxLength={18}
      autoComplete="off"
      spellCheck={false}
      placeholder="18位，最后一位可为X"
    />
  );
}
