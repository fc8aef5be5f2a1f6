import { templateValues, UnitLog } from '@tianbao/core';
import { getTemplate, type Template } from '@tianbao/templates';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxText } from './docx-text.ts';
import { summaryInput } from './log-input.ts';
import { sampleLog, sampleSlot } from './sample-log.ts';
import { summaryDocx, summaryDraft } from './summary-draft.ts';

const T = getTemplate('daxinganling-2020') as Template;
const slot = sampleSlot;
const NOW = Date.UTC(2020, 5, 29, 2, 30); // 2020-06-29 10:30 in China

describe('summaryDraft: the 总结 a unit hands in, drafted from its log', () => {
  it('writes every non-empty figure of the statistics into sentences of the notice, and nothing else', async () => {
    const log = sampleLog();
    const { bytes, draft } = await summaryDocx(summaryInput(log, T, NOW));
    const text = await docxText(bytes);
    expect(draft.title).toBe('大兴安岭地区应急管理局2020年“安全生产月”和“安全生产兴安行”活动总结');
    expect(text.split('\n')[0]).toBe(draft.title);
    for (const h of [
      '一、基本情况',
      '（一）组织领导',
      '二、主要做法和成效',
      '三、特色亮点',
      '四、存在问题和下步打算',
    ])
      expect(text).toContain(h);
    expect(text).toContain(
      '按照《关于印发2020年全区“安全生产月”和“安全生产兴安行”活动方案的通知》（大安办发〔2020〕26号）要求',
    );
    expect(text).toContain('活动台账共记录活动3项，时间为6月1日至6月9日。');
    expect(text).toContain('以线上直播和现场宣誓等形式启动“安全生产月”活动1场次');
    expect(text).toContain('共安排理论学习中心组专题学习2次，参与46人次');
    expect(text).toContain('共开展安全宣传进企业活动3场，参与320人');
    expect(text).toContain('已将“安全生产月”和“安全生产万里行”活动纳入全年安全生产重点工作');
    // The deleted entry's 9 is not in the statistics, so not in the draft.
    expect(text).not.toContain('组织观看');
    // Every figure equals the statistics at generation, and every non-empty number is written.
    const stats = templateValues(log, T);
    const filled = stats.filter((s) => typeof s.value === 'number' && s.value !== 0);
    expect(filled).toHaveLength(5);
    for (const s of filled) {
      const written = draft.figures.find((f) => `${T.id}/${f.slotId}` === s.key);
      expect(written?.value).toBe(s.value);
    }
    expect(draft.figures.every((f) => f.value !== 0 && f.value !== '')).toBe(true);
  });

  it('puts activities marked 重点 under 三、特色亮点 with date and place; 否 answers become questions', async () => {
    const { bytes } = await summaryDocx(summaryInput(sampleLog(), T, NOW));
    const text = await docxText(bytes);
    const highlights = text.slice(text.indexOf('三、特色亮点'), text.indexOf('四、存在问题和下步打算'));
    expect(highlights).toContain('（一）“安全生产月”活动启动仪式');
    expect(highlights).toContain(
      '时间：2020年6月1日；地点：加格达奇区人民广场；主办单位：大兴安岭地区应急管理局',
    );
    expect(highlights).toContain('（二）安全宣传进企业');
    expect(highlights).toContain('本次活动开展安全宣传进企业活动3场，参与320人。');
    expect(highlights).not.toContain('理论学习中心组专题学习');
    const last = text.slice(text.indexOf('四、存在问题和下步打算'));
    expect(last).toContain('【统计表中“是否已做好人力、物力和相关经费等保障”填的是“否”，请说明原因】');
    expect(last).toContain('【请写明下一步工作打算和改进措施】');
    expect(text.trim().endsWith('大兴安岭地区应急管理局\n2020年6月29日')).toBe(true);
  });

  it('records when and from which state of the log it was generated, in the document properties', async () => {
    const log = sampleLog();
    const before = log.stateDigest();
    const { bytes } = await summaryDocx(summaryInput(log, T, NOW));
    const zip = await JSZip.loadAsync(bytes);
    const custom = (await zip.file('docProps/custom.xml')?.async('string')) ?? '';
    expect(custom).toContain('2020-06-29T02:30:00.000Z');
    expect(custom).toContain(before);
    expect(custom).toContain(log.meta().logId);
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain('大兴安岭地区应急管理局2020年');
    // Generating reads the log; it does not change it.
    expect(log.stateDigest()).toBe(before);
  });

  it('asks the person instead of inventing text when the log is empty', () => {
    const log = UnitLog.create({
      unitName: '某镇',
      campaign: '2021年安全生产月',
      templateIds: ['baodi-2021'],
      user: 'x',
    });
    const draft = summaryDraft(summaryInput(log, getTemplate('baodi-2021') as Template, NOW));
    const prompts = draft.blocks.filter((b) => b.kind === 'prompt').map((b) => b.text);
    expect(prompts).toHaveLength(5);
    expect(prompts.every((p) => p.startsWith('【') && p.endsWith('】'))).toBe(true);
    expect(draft.figures).toEqual([]);
    expect(draft.title).toBe('某镇2021年“安全生产月”活动总结');
    const paragraphs = draft.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(paragraphs).toEqual([
      '按照《关于印发〈宝坻区2021年“安全生产月”活动实施方案〉的通知》要求，某镇开展2021年“安全生产月”活动。',
    ]);
  });

  it('a past year’s table used this year: the 2026 总结 does not cite the 2020 notice, and asks for this year’s', async () => {
    const log = sampleLog();
    log.editSchedule({ year: 2026 });
    log.setReportDate('2026-06-29');
    const { bytes, draft } = await summaryDocx(summaryInput(log, T, NOW));
    const text = await docxText(bytes);
    expect(draft.title).toBe('大兴安岭地区应急管理局2026年“安全生产月”和“安全生产兴安行”活动总结');
    expect(text).not.toContain('大安办发〔2020〕26号');
    expect(text).toContain(
      '【请写明按照今年哪份上级通知（名称和文号）开展活动；统计表取自2020年的通知，不要引用它】',
    );
    expect(text).toContain('大兴安岭地区应急管理局开展2026年');
    // Signed on the log's 填报日期, not the day the draft was made.
    expect(text.split('\n').at(-1)).toBe('2026年6月29日');
  });
});
