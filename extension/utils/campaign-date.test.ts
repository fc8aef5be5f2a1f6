import { describe, expect, it } from 'vitest';
import {
  campaignWords,
  outsideCampaign,
  outsideCampaignReason,
  outsideCampaignWarning,
} from './campaign-date';

const JUNE = { start: '2020-06-01', end: '2020-06-30' };

describe('activities dated outside the campaign', () => {
  it('judges the ends as inside and a day past either end as outside', () => {
    expect(outsideCampaign('2020-06-01', JUNE)).toBe(false);
    expect(outsideCampaign('2020-06-30', JUNE)).toBe(false);
    expect(outsideCampaign('2020-05-31', JUNE)).toBe(true);
    expect(outsideCampaign('2020-07-01', JUNE)).toBe(true);
    // A mistyped year is the case that matters most.
    expect(outsideCampaign('2019-06-10', JUNE)).toBe(true);
    // Empty or malformed dates are the log's validation's business, not a campaign warning.
    expect(outsideCampaign('', JUNE)).toBe(false);
  });

  it('says so in Chinese with the campaign as the notice writes it', () => {
    expect(campaignWords(JUNE)).toBe('2020年6月1日至6月30日');
    expect(campaignWords({ start: '2021-06-01', end: '2022-01-15' })).toBe('2021年6月1日至2022年1月15日');
    expect(outsideCampaignWarning('2019-06-10', JUNE)).toBe(
      '活动日期2019年6月10日不在本次活动期间（2020年6月1日至6月30日）。这项活动仍会计入统计表，请核对日期。',
    );
    expect(outsideCampaignWarning('2020-06-10', JUNE)).toBeUndefined();
  });

  it('says why a row of an import is outside: before the start or after the end', () => {
    expect(outsideCampaignReason('2020-05-28', JUNE)).toBe('早于活动开始（6月1日）');
    expect(outsideCampaignReason('2020-07-02', JUNE)).toBe('晚于活动结束（6月30日）');
    // Another year is named in full: that is the mistake the person has to see.
    expect(outsideCampaignReason('2019-06-10', JUNE)).toBe('早于活动开始（2020年6月1日）');
    expect(outsideCampaignReason('2020-06-30', JUNE)).toBeUndefined();
    expect(outsideCampaignReason('', JUNE)).toBeUndefined();
  });
});
