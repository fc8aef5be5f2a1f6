// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { FillSummary } from './fill-summary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('FillSummary: what 一键填报 did', () => {
  const host = document.createElement('div');
  const root = createRoot(host);
  afterEach(() => act(() => root.render(null)));
  const render = (liaison: boolean, differences: Parameters<typeof FillSummary>[0]['differences'] = []) =>
    act(() =>
      root.render(
        createElement(FillSummary, {
          counts: { filled: 11, unsure: 0, notFound: 0, noValue: 1, ms: 10 },
          differences,
          onReplace: () => {},
          onKeep: () => {},
          onUndo: () => {},
          busy: false,
          liaison,
        }),
      ),
    );

  it('says where an empty blank would come from: the log’s figures, or 联络员信息 on the liaison form', () => {
    render(false);
    expect(host.textContent).toContain('1 项台账中还没有数，未填写。');
    render(true);
    expect(host.textContent).toContain('1 项联络员信息中没有填写，未填写。');
    expect(host.textContent).not.toContain('数');
  });

  it('writes the log’s date in 覆盖 / 保留 as people do, and the page’s value as the page shows it', () => {
    render(false, [
      { key: 'k', name: '填报日期', pageLabel: '填报日期', current: '2026/12/01', wanted: '2026-12-04' },
      { key: 'n', name: '参与（ ）人次', pageLabel: '人次', current: '12', wanted: '30' },
    ]);
    expect(host.textContent).toContain('台账 2026年12月4日');
    expect(host.textContent).toContain('网页上 2026/12/01');
    expect(host.textContent).toContain('台账 30');
    expect(host.textContent).not.toContain('2026-12-04');
  });
});
