/** A text replacement applied to a seed before import, where the pasted text lost the table's structure. */
export interface Correction {
  find: string;
  replace: string;
  reason: string;
}

/** Where each built-in comes from in ../shared/seeds/ and what had to be fixed in its text. */
export interface SeedSource {
  id: string;
  file: string;
  year: number;
  /** The issuing office's region (from the notice's head: 大兴安岭地区行政公署安全生产委员会办公室文件). */
  region: string;
  kind: 'statistics' | 'schedule';
  notice: string;
  /** The table section starts at the last line matching this (the 附件 line above the table). */
  tableStart?: RegExp;
  /** For a schedule without a table. */
  title?: string;
  corrections: Correction[];
}

const COLSPAN_LOST =
  'the cell spans the group and item columns (colspan), which plain text cannot show; the cell is repeated';

export const SEED_SOURCES: readonly SeedSource[] = [
  {
    id: 'daxinganling-2020',
    file: '000_4ca748d901212163.txt',
    year: 2020,
    region: '大兴安岭地区',
    kind: 'statistics',
    notice: '关于印发2020年全区“安全生产月”和“安全生产兴安行”活动方案的通知（大安办发〔2020〕26号）',
    tableStart: /^附件\s*3\s*$/u,
    corrections: [
      {
        find: '安全生产兴安行活动\t<p>紧紧围绕',
        replace: '安全生产兴安行活动\t安全生产兴安行活动\t<p>紧紧围绕',
        reason: COLSPAN_LOST,
      },
    ],
  },
  {
    id: 'baodi-2021',
    file: '001_f5ef0da1a26f2e55.txt',
    year: 2021,
    region: '天津市宝坻区',
    kind: 'statistics',
    notice: '关于印发《宝坻区2021年“安全生产月”活动实施方案》的通知',
    tableStart: /^\s*附件\s*3\s*$/u,
    corrections: [],
  },
  {
    id: 'liaoning-market-2020',
    file: '002_b722e5e1b9b02949.txt',
    year: 2020,
    region: '辽宁省',
    kind: 'statistics',
    notice:
      '辽宁省市场监督管理局关于印发《2020年全省市场监管系统“安全生产月”和“安全生产辽沈行”活动方案》的通知（辽市监发〔2020〕27号）',
    tableStart: /^附件\s*2\s*$/u,
    corrections: [
      {
        find: '举办“安全生产月”活动启动仪式 深入学习贯彻习近平总书记关于安全生产重要论述\t启动仪式形式多样，参与范围广泛，效果良好。 安排理论学习中心组专题学习；开展习近平总书记关于安全生产重要论述网络课堂培训；在报刊、广播、网络、新媒体等平台开设专栏专题。\t以（ ）等形式启动“安全生产月”活动（ ）场次。 安排理论学习',
        replace:
          '“安全生产月”活动\t举办“安全生产月”活动启动仪式\t启动仪式形式多样，参与范围广泛，效果良好。\t以（ ）等形式启动“安全生产月”活动（ ）场次。\n\t深入学习贯彻习近平总书记关于安全生产重要论述\t安排理论学习中心组专题学习；开展习近平总书记关于安全生产重要论述网络课堂培训；在报刊、广播、网络、新媒体等平台开设专栏专题。\t安排理论学习',
        reason:
          'two rows (启动仪式, 深入学习贯彻) were merged into one line with their cells joined by spaces; split back, with the group cell that the converter moved to the next line',
      },
      {
        find: '“安全生产月”活动 开展“排查整治进行时”专题活动\t',
        replace: '“安全生产月”活动\t开展“排查整治进行时”专题活动\t',
        reason: 'the group and item cells were joined by a space',
      },
      {
        find: '<p>沈行安全生产活动</p>',
        replace: '<p>安全生产辽沈行活动</p>\t<p>安全生产辽沈行活动</p>',
        reason: `the merged group cell 安全生产辽沈行活动 came out scrambled (沈行安全生产活动); and ${COLSPAN_LOST}`,
      },
      {
        find: '\t强化组织领导\t',
        replace: '加强组织落实\t强化组织领导\t',
        reason:
          'the merged group cell 加强组织落实 is printed in the last row of its span (vertically centred), not the first',
      },
      {
        find: '\t加强组织落实\t确保取得实效\t',
        replace: '\t确保取得实效\t\t',
        reason:
          'the group text moved into this row took the place of the item; this row has no requirement cell',
      },
    ],
  },
  {
    id: 'jiexi-2020',
    file: '003_ff92907d3fcb8d68.txt',
    year: 2020,
    region: '揭西县',
    kind: 'schedule',
    notice: '揭西县2020年“安全生产月”和“安全生产南粤行”活动方案',
    title: '揭西县2020年“安全生产月”和“安全生产南粤行”活动方案',
    corrections: [],
  },
  {
    id: 'changchun-industry-2019',
    file: '004_7cd73d9cfe9c13c8.txt',
    year: 2019,
    region: '长春市',
    kind: 'statistics',
    notice: '全市工信系统2019年“安全生产月”和“白山松水安全行”活动方案',
    tableStart: /^\s*附件\s*2\s*$/u,
    corrections: [],
  },
];
