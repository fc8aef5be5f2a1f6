// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, createElement, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogContext, useLogRevision } from '../hooks/use-log';
import type { OpenLog } from '../utils/log-client';
import { LiaisonTab } from './liaison-tab';
import { openTestLog, typeInto } from './test-dom';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * A keystroke that lands right after React has drawn a log change and before its passive effects run: what a
 * slow computer does when the log changes (storage loading, a sync, a colleague) just as a person types. A
 * layout effect runs in exactly that gap.
 */
function KeystrokeAfterLogChange(props: { type: () => void }) {
  const rev = useLogRevision();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  useLayoutEffect(() => {
    if (rev > 0) props.type();
  }, [rev]);
  return null;
}

describe('联络员: typing while the log changes', () => {
  let host: HTMLElement;
  let root: ReturnType<typeof createRoot>;
  let open: OpenLog;
  beforeEach(async () => {
    open = await openTestLog();
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(async () => {
    await act(async () => root.render(null));
    host.remove();
    await open.close();
  });
  const input = (label: string) =>
    [...host.querySelectorAll('label')]
      .find((l) => l.querySelector('.field-label')?.textContent === label)
      ?.querySelector('input') as HTMLInputElement;

  it('keeps a keystroke that lands between a log change and its effects, and shows the change too', async () => {
    let typed = false;
    const type = () => {
      if (typed) return;
      typed = true;
      typeInto(input('姓名'), '张三丰');
    };
    await act(async () =>
      root.render(
        createElement(
          LogContext.Provider,
          { value: open },
          createElement(LiaisonTab),
          createElement(KeystrokeAfterLogChange, { type }),
        ),
      ),
    );
    // A colleague's 办公电话 arrives; the person types 姓名 in the same moment.
    await act(async () => open.session.log.setProfile({ officePhone: '0457-2712884' }));
    expect(typed).toBe(true);
    expect(input('姓名').value).toBe('张三丰');
    expect(input('办公电话').value).toBe('0457-2712884');
    // Saving writes both.
    await act(async () => {
      host.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(open.session.log.getProfile()).toMatchObject({ name: '张三丰', officePhone: '0457-2712884' });
  });
});
