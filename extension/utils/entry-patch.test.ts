import type { Entry } from '@tianbao/core';
import { describe, expect, it } from 'vitest';
import { entryPatch } from './entry-patch';

const shown: Entry = {
  id: 'E1',
  date: '2021-06-08',
  title: '宣传进企业',
  kind: '',
  location: '会议室',
  organizer: '',
  partners: '',
  description: '',
  contributions: { 'k/s1': 3 },
  attachments: [],
  createdBy: '张三',
  createdAt: 1,
  updatedBy: '张三',
  updatedAt: 1,
};
const draft = {
  date: '2021-06-08',
  title: '宣传进企业',
  kind: '',
  location: '会议室',
  organizer: '',
  partners: '',
  description: '',
};

describe('entryPatch', () => {
  it('sends only what the form changed, and what it showed', () => {
    const { patch, seen } = entryPatch(
      shown,
      { ...draft, location: '礼堂' },
      { highlight: false, contributions: { 'k/s1': 3, 'k/s2': 2 }, attachments: [] },
    );
    expect(patch).toEqual({ location: '礼堂', contributions: { 'k/s2': 2 } });
    expect(seen).toMatchObject({ location: '会议室', title: '宣传进企业', contributions: { 'k/s1': 3 } });
  });

  it('sends nothing when nothing changed', () => {
    expect(
      entryPatch(shown, draft, { highlight: false, contributions: { 'k/s1': 3 }, attachments: [] }).patch,
    ).toEqual({});
  });
});
