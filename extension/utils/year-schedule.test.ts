import { logSchedule, UnitLog } from '@tianbao/core';
import { getTemplate, type Template } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { occurrences } from './deadlines';
import {
  applyYearSchedule,
  checkYearSchedule,
  yearDeadlines,
  yearOfCampaign,
  yearScheduleFor,
} from './year-schedule';

const daxinganling = getTemplate('daxinganling-2020') as Template;
const liaoning = getTemplate('liaoning-market-2020') as Template;
const newLog = (campaign = '2026年“安全生产月”') =>
  UnitLog.create({
    unitName: '漠河市应急管理局',
    campaign,
    templateIds: [daxinganling.id],
    user: '张三',
    shards: 2,
  });

describe('this year’s deadlines for a past year’s table', () => {
  it('prefills the notice’s dates with the campaign’s year', () => {
    expect(yearOfCampaign('2026年“安全生产月”')).toBe(2026);
    expect(yearOfCampaign('安全生产月', new Date(2027, 0, 5))).toBe(2027);
    expect(yearScheduleFor(daxinganling, 2026)).toEqual({
      year: 2026,
      campaignStart: '2026-06-01',
      campaignEnd: '2026-06-30',
      dates: {
        'liaison-2020-05-27': '2026-05-27',
        'summary-2020-06-30': '2026-06-30',
        'table-2020-06-30': '2026-06-30',
      },
    });
    // The weekly Thursday rule has no year: shown as it is, not asked for.
    const { dated, rules } = yearDeadlines(liaoning, 2026);
    expect(dated.map((d) => d.date)).toEqual(['2026-07-06', '2026-07-06', '2026-12-20']);
    expect(rules.map((d) => d.kind)).toEqual(['weekly']);
  });

  it('saves the confirmed dates with the log; the deadline list and reminders use them', () => {
    const log = newLog();
    const s = yearScheduleFor(daxinganling, 2026);
    s.dates['table-2020-06-30'] = '2026-07-03';
    applyYearSchedule(log, daxinganling, s);
    const schedule = logSchedule(log, daxinganling);
    expect(schedule.year).toBe(2026);
    expect(schedule.deadlines.map((d) => d.date)).toEqual(['2026-05-27', '2026-06-30', '2026-07-03']);
    // Only the changed one is the unit's own (已修改); the others stay the notice's, moved to 2026.
    expect(Object.keys(log.scheduleEdits().deadlines)).toEqual(['table-2020-06-30']);
    expect(log.scheduleEdits().campaignStart).toBeUndefined();
    const table = occurrences(schedule.deadlines, schedule.year).find((o) => o.kind === 'table');
    expect(table?.date).toBe('2026-07-03');
  });

  it('refuses an emptied date before any log is made', () => {
    const s = yearScheduleFor(daxinganling, 2026);
    s.dates['liaison-2020-05-27'] = '';
    expect(() => checkYearSchedule(daxinganling, s)).toThrowError(
      expect.objectContaining({ messageZh: '请填写这项的截止日期' }),
    );
    const t = yearScheduleFor(daxinganling, 2026);
    t.campaignEnd = '2026-05-01';
    expect(() => checkYearSchedule(daxinganling, t)).toThrowError(
      expect.objectContaining({ messageZh: '活动结束日期不能早于开始日期' }),
    );
  });
});
