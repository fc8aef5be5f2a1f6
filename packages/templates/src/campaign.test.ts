import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractCampaign } from './campaign.ts';

const seed = (f: string) => readFileSync(new URL(`../../../../shared/seeds/${f}`, import.meta.url), 'utf8');

describe('extractCampaign', () => {
  test('活动时间为… and …活动于…—30日', () => {
    expect(extractCampaign('2020年“安全生产月”活动时间为6月1日至6月30日，各市要…', 2020)).toMatchObject({
      start: '2020-06-01',
      end: '2020-06-30',
    });
    expect(
      extractCampaign('全区“安全生产月”活动于2020年6月1日—30日在全区范围内统一开展，各地要…', 2020),
    ).toMatchObject({ start: '2020-06-01', end: '2020-06-30' });
  });

  test('a companion campaign that runs longer extends the end', () => {
    const c = extractCampaign(
      '（一）“安全生产月”活动：6月1日至6月30日。\n（二）“安全生产南粤行”活动：6月1日至12月31日。',
      2020,
    );
    expect(c).toMatchObject({ start: '2020-06-01', end: '2020-12-31' });
    expect(c?.source).toContain('南粤行');
  });

  test('other actions and submissions with dates are not the campaign', () => {
    expect(
      extractCampaign('从6月5日至7月5日在全区范围内开展为期一个月的安全生产综合整治行动。', 2021),
    ).toBeUndefined();
    expect(extractCampaign('请于6月1日至6月5日报送“安全生产月”活动方案。', 2021)).toBeUndefined();
    expect(extractCampaign('6月份在全区范围内统一开展2021年“安全生产月”活动。', 2021)).toBeUndefined();
  });

  test('the seeds', () => {
    expect(extractCampaign(seed('000_4ca748d901212163.txt'), 2020)).toMatchObject({
      start: '2020-06-01',
      end: '2020-06-30',
    });
    expect(extractCampaign(seed('001_f5ef0da1a26f2e55.txt'), 2021)).toBeUndefined();
    expect(extractCampaign(seed('002_b722e5e1b9b02949.txt'), 2020)).toMatchObject({
      start: '2020-06-01',
      end: '2020-06-30',
    });
    expect(extractCampaign(seed('003_ff92907d3fcb8d68.txt'), 2020)).toMatchObject({
      start: '2020-06-01',
      end: '2020-12-31',
    });
    expect(extractCampaign(seed('004_7cd73d9cfe9c13c8.txt'), 2019)).toBeUndefined();
  });
});
