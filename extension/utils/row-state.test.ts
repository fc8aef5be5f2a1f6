import { describe, expect, it } from 'vitest';
import type { PortalRow } from './portal-rows';
import { rowState, samePageValue } from './row-state';

const row = (r: Partial<PortalRow>): PortalRow => ({
  key: 'k',
  label: '参与（ ）人次',
  framePath: '',
  current: '',
  answered: false,
  unit: '人次',
  kind: 'number',
  slotId: 's1',
  confidence: 0.9,
  reason: '',
  status: 'matched',
  ...r,
});

describe('rowState: what 一键填报 will do with a control', () => {
  it('no blank, or no figure in the log: nothing to fill', () => {
    expect(rowState(row({ slotId: null, status: 'unmatched' }), 5, false)).toBe('unmatched');
    expect(rowState(row({}), null, false)).toBe('no-data');
    expect(rowState(row({ status: 'unsure' }), undefined, false)).toBe('no-data');
  });

  it('an empty control gets the value; unsure ones wait for the person', () => {
    expect(rowState(row({}), 120, false)).toBe('will-fill');
    expect(rowState(row({ status: 'unsure' }), 120, false)).toBe('unsure');
    expect(rowState(row({}), 120, true)).toBe('filled');
  });

  it('a control that already holds an answer: the same one, or another', () => {
    expect(rowState(row({ current: '120', answered: true }), 120, false)).toBe('same');
    expect(rowState(row({ current: '1,200', answered: true }), 1200, false)).toBe('same');
    expect(rowState(row({ current: '80', answered: true }), 120, false)).toBe('differs');
  });

  it('a 是/否 pair: the box of the log’s answer is filled, the other one has nothing to do, before and after', () => {
    const box = (option: string, answered = false) =>
      row({ kind: 'choice', option, answered, current: answered ? 'checked' : '', unit: '' });
    expect(rowState(box('是'), true, false)).toBe('will-fill');
    expect(rowState(box('否'), true, false)).toBe('same');
    expect(rowState(box('否'), true, false, new Set())).toBe('same');
    expect(rowState(box('否', true), true, false)).toBe('differs');
    expect(rowState(box('女'), '男', false)).toBe('same');
    expect(rowState(box('男'), '男', false)).toBe('will-fill');
  });

  it('after a fill, the fill’s own list of differences decides', () => {
    const differs = new Set(['k']);
    expect(rowState(row({ current: '120.0', answered: true }), 120, false, differs)).toBe('differs');
    expect(rowState(row({ current: '2020-6-1', answered: true }), '2020-06-01', false, new Set())).toBe(
      'same',
    );
  });

  it('reads 是/否 boxes and selects as a person would', () => {
    expect(samePageValue({ kind: 'choice', current: 'checked', option: '是' }, true)).toBe(true);
    expect(samePageValue({ kind: 'choice', current: 'checked', option: '否' }, true)).toBe(false);
    expect(samePageValue({ kind: 'select', current: '否' }, false)).toBe(true);
    expect(samePageValue({ kind: 'text', current: ' 王芳 ' }, '王芳')).toBe(true);
    expect(samePageValue({ kind: 'number', current: '' }, 0)).toBe(false);
  });
});
