// #15: dates as a clerk writes them in her own 台账: each is the one day it says, or refused — a date without
// its year is completed only with the campaign's year given, never guessed.
import { describe, expect, it } from 'vitest';
import { parseLedgerDate } from './ledger-date.ts';

describe('parseLedgerDate', () => {
  it.each<[unknown, string]>([
    ['2026-06-03', '2026-06-03'],
    ['2026.6.3', '2026-06-03'],
    ['2026/6/3', '2026-06-03'],
    ['2026年6月3日', '2026-06-03'],
    ['２０２６年６月３日', '2026-06-03'],
    ['２０２６．６．３', '2026-06-03'],
    [' 2026 年 6 月 3 日 ', '2026-06-03'],
    ['20260603', '2026-06-03'],
    ['2026年6月3日-5日', '2026-06-03'],
    [46176, '2026-06-03'],
    [new Date(Date.UTC(2026, 5, 3)), '2026-06-03'],
  ])('%s → %s', (v, iso) => expect(parseLedgerDate(v)).toEqual({ ok: true, date: iso }));

  it('6月3日 takes the year given (the campaign’s), and without one is asked about', () => {
    expect(parseLedgerDate('6月3日', 2026)).toEqual({ ok: true, date: '2026-06-03' });
    expect(parseLedgerDate('６月３日', 2026)).toEqual({ ok: true, date: '2026-06-03' });
    expect(parseLedgerDate('6.3', 2026)).toEqual({ ok: true, date: '2026-06-03' });
    expect(parseLedgerDate('6月3日')).toEqual({ ok: false, reason: 'date-without-year' });
  });

  it.each<unknown>(['2026年2月30日', '2026.13.1', '六月中旬', '下周', 3, 12.5, true, ''])(
    '%s is refused',
    (v) => expect(parseLedgerDate(v)).toEqual({ ok: false, reason: 'bad-date' }),
  );
});
