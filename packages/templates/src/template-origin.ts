import type { TemplateSource } from './template.ts';

// 省, 自治区, 市, 地区, 盟, 州, 县, 区, 旗: the levels a Chinese issuing office is named after.
const LEVEL = /^(?:[\u4E00-\u9FFF]{2,7}?(?:省|自治区|特别行政区|地区|自治州|市|盟|州|县|区|旗))+/u;

/**
 * The region an issuing office belongs to: 大兴安岭地区行政公署安全生产委员会办公室 → 大兴安岭地区,
 * 天津市宝坻区安全生产委员会办公室 → 天津市宝坻区, 辽宁省市场监督管理局 → 辽宁省. Undefined for a national
 * office or an office named without its region.
 */
export function regionOf(issuer: string | undefined): string | undefined {
  const bare = (issuer ?? '').replace(/\s+/gu, '');
  const region = LEVEL.exec(bare)?.[0];
  return region && region.length < bare.length ? region : undefined;
}

/**
 * Where a table comes from, as a person choosing it needs to read it: 「大兴安岭地区 2020年」. Two notices'
 * tables often have alike titles (全区“安全生产月”…统计表), and a past year's table needs its dates changed.
 */
export function templateOrigin(source: TemplateSource): string {
  const year = source.year ? `${source.year}年` : '';
  return [source.region, year].filter(Boolean).join(' ');
}
