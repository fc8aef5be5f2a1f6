import { describe, expect, it } from 'vitest';
import { getTemplate, listTemplates } from './builtins.ts';
import { regionOf, templateOrigin } from './template-origin.ts';

describe('where a table comes from', () => {
  it('reads the region from the issuing office', () => {
    expect(regionOf('大兴安岭地区行政公署安全生产委员会办公室')).toBe('大兴安岭地区');
    expect(regionOf('天津市宝坻区安全生产委员会办公室')).toBe('天津市宝坻区');
    expect(regionOf('辽宁省市场监督管理局')).toBe('辽宁省');
    expect(regionOf('揭西县应急管理局')).toBe('揭西县');
    expect(regionOf('国务院安全生产委员会办公室')).toBeUndefined();
    expect(regionOf(undefined)).toBeUndefined();
  });

  it('names every built-in statistics table by region and year', () => {
    expect(templateOrigin(getTemplate('daxinganling-2020')?.source ?? {})).toBe('大兴安岭地区 2020年');
    const origins = listTemplates()
      .filter((t) => t.kind === 'statistics')
      .map((t) => t.origin);
    expect(origins).toEqual(['大兴安岭地区 2020年', '天津市宝坻区 2021年', '辽宁省 2020年', '长春市 2019年']);
  });

  it('says only the year when the region is not known', () => {
    expect(templateOrigin({ year: 2026 })).toBe('2026年');
    expect(templateOrigin({})).toBe('');
  });
});
