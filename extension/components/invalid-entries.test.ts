// @vitest-environment happy-dom
import { UnitLog } from '@tianbao/core';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidEntries } from './invalid-entries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const newLog = () =>
  UnitLog.create({
    unitName: '宝坻区应急管理局',
    campaign: '2021',
    templateIds: ['baodi-2021'],
    user: '张三',
  });

describe('the 数据有误 banner of the 活动台账', () => {
  const host = document.createElement('div');
  const root = createRoot(host);
  afterEach(() => act(() => root.render(null)));

  it('reads the log’s problems once per change of the log, not on every render', () => {
    const log = newLog();
    const read = vi.spyOn(log, 'recordProblems');
    const render = (revision: number) =>
      act(() =>
        root.render(createElement(InvalidEntries, { log, revision, summaries: [], onEdit: () => {} })),
      );
    render(0);
    render(0);
    render(0);
    expect(read).toHaveBeenCalledTimes(1);
    expect(host.textContent).toBe('');

    // A liaison field past the rules, as a peer's copy could write it: the next revision shows it.
    log.doc('root')?.getMap('profile').set('mobile', 'x'.repeat(600));
    render(1);
    expect(read).toHaveBeenCalledTimes(2);
    expect(host.textContent).toContain('其他记录中有 1 处数据不符合要求');
    expect(host.textContent).toContain('联络员');
    render(1);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
