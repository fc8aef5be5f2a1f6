import { getTemplate, type Template } from '@tianbao/templates';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxText } from './docx-text.ts';
import { liaisonFormDocx } from './liaison-form.ts';
import { unitFormInput } from './log-input.ts';
import { planTableDocx } from './plan-table.ts';
import { SAMPLE_PROFILE, sampleLog } from './sample-log.ts';

const NOW = Date.UTC(2020, 4, 26, 2); // 2020-05-26 in China

describe('the forms a unit seals: 重点活动计划安排表 and 联络员推荐表', () => {
  it('plan table: the notice’s columns, one row per live plan, seal line, unit and date for the seal', async () => {
    const log = sampleLog();
    const gone = log.addPlan({ time: '6月下旬', content: '已取消的计划' });
    log.deletePlan(gone);
    log.addPlan({
      time: '6月上旬',
      place: '各林业局',
      content: '安全宣传进企业',
      host: '宣教科',
      assist: '林业集团',
      division: '宣教科组织，各局配合',
      outcome: '新闻报道、照片',
    });
    const bytes = await planTableDocx(unitFormInput(log, NOW));
    const lines = (await docxText(bytes)).split('\n');
    expect(lines[0]).toBe('大兴安岭地区应急管理局“安全生产月”重点活动计划安排表');
    expect(lines.slice(1, 3)).toEqual([
      '填报单位（盖章）：大兴安岭地区应急管理局',
      '联系人：张三丰　　联系电话：0457-2712884　　填报日期：2020年5月26日',
    ]);
    // mammoth gives one line per cell: 序号 and the notice's seven columns, then each plan.
    expect(lines.slice(3, 11)).toEqual([
      '序号',
      '时间',
      '地点',
      '主要内容',
      '主办单位',
      '协助单位',
      '工作分工',
      '成果形式',
    ]);
    // (mammoth leaves empty cells out.)
    expect(lines.slice(11, 16)).toEqual([
      '1',
      '6月16日',
      '线上',
      '网上“全国安全宣传咨询日”活动',
      '地区安委办',
    ]);
    expect(lines.slice(16, 24)).toEqual([
      '2',
      '6月上旬',
      '各林业局',
      '安全宣传进企业',
      '宣教科',
      '林业集团',
      '宣教科组织，各局配合',
      '新闻报道、照片',
    ]);
    expect(lines.join('\n')).not.toContain('已取消的计划');
    expect(lines.slice(-2)).toEqual(['大兴安岭地区应急管理局', '2020年5月26日']);
    const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblHeader');
  });

  it('plan table: refuses to make an empty table, in Chinese for the person', async () => {
    const log = sampleLog();
    for (const p of log.listPlans()) log.deletePlan(p.id);
    await expect(planTableDocx(unitFormInput(log, NOW))).rejects.toMatchObject({
      messageZh: '还没有重点活动计划。',
    });
  });

  it('liaison form: the profile in the notice’s grid, in the notice’s order and words', async () => {
    const log = sampleLog();
    const bytes = await liaisonFormDocx(unitFormInput(log, NOW, '2020-05-27'));
    const lines = (await docxText(bytes)).split('\n');
    expect(lines[0]).toBe('“安全生产月”活动联络员推荐表');
    const p = SAMPLE_PROFILE;
    expect(lines.slice(1, 23)).toEqual([
      '姓名',
      p.name,
      '性别',
      p.gender,
      '职务',
      p.title,
      '办公电话',
      p.officePhone,
      '手机',
      p.mobile,
      '传真',
      p.fax,
      'QQ号',
      p.qq,
      '微信号',
      p.wechat,
      '电子邮箱',
      p.email,
      '单位名称',
      p.unitName,
      '通信地址',
      p.address,
    ]);
    expect(lines.slice(-2)).toEqual(['大兴安岭地区应急管理局', '2020年5月27日']);
    const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml.match(/<w:gridSpan w:val="5"\/>/g)).toHaveLength(2);
  });

  it('liaison form: empty fields stay empty cells to write by hand; the unit falls back to the log’s', async () => {
    const log = sampleLog();
    log.setProfile({ unitName: '', qq: '', fax: '' });
    const lines = (await docxText(await liaisonFormDocx(unitFormInput(log, NOW)))).split('\n');
    expect(lines).toContain('大兴安岭地区应急管理局');
    expect(getTemplate('liaison') as Template).toBeDefined();
  });
});
