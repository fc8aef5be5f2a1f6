import { readFileSync } from 'node:fs';
import { logSchedule, noticeDeadlines, UnitLog } from '@tianbao/core';
import { getTemplate, readNoticeFile } from '@tianbao/templates';
import { loadNodePdfJs } from '@tianbao/templates/pdfjs-node';
import { describe, expect, it } from 'vitest';
import { seedNoticeDocx } from '../../packages/templates/scripts/seed-notice-docx.ts';
import { SEED_SOURCES } from '../../packages/templates/src/builtin/seed-sources.ts';
import { applyDraft, draftFromNotice, moveDraftToYear, type NoticeDraft, planLog } from './notice-draft';

const shared = new URL('../../../shared/', import.meta.url);
async function draftOf(id: string): Promise<NoticeDraft> {
  const source = SEED_SOURCES.find((s) => s.id === id);
  if (!source) throw new Error(id);
  const docx = await seedNoticeDocx(readFileSync(new URL(`seeds/${source.file}`, shared), 'utf8'), source);
  const result = await readNoticeFile(docx, `${id}.docx`, { pdfjs: loadNodePdfJs });
  return draftFromNotice(result, `${id}.docx`);
}

const newLog = (templateIds: string[], campaign = '2020年“安全生产月”') =>
  UnitLog.create({ unitName: '漠河市应急管理局', campaign, templateIds, user: '张三' });

describe('the review screen’s draft of a notice file', () => {
  it('a seed notice unchanged: the built-in table, the notice’s schedule, nothing marked as changed', async () => {
    const draft = await draftOf('daxinganling-2020');
    expect(draft.documentNumber).toBe('大安办发〔2020〕26号');
    expect(draft.liaison?.fields).toHaveLength(11);
    const plan = planLog(draft);
    expect(plan.templateIds).toEqual(['daxinganling-2020']);
    expect(plan.toSave).toEqual([]);
    expect(plan.campaign).toBe('2020年“安全生产月”');
    const log = newLog(plan.templateIds);
    applyDraft(log, draft, plan.base);
    expect(log.scheduleEdits()).toEqual({ deadlines: {} });
    expect(log.notice()).toMatchObject({
      documentNumber: '大安办发〔2020〕26号',
      issuer: '大兴安岭地区行政公署安全生产委员会办公室',
      fileName: 'daxinganling-2020.docx',
    });
    expect(logSchedule(log, plan.base).deadlines).toEqual(getTemplate('daxinganling-2020')?.deadlines);
  });

  it('corrections become the unit’s edits: a deadline’s hour, a dropped deadline, the dates, media, fields', async () => {
    const draft = await draftOf('liaoning-market-2020');
    const weekly = draft.deadlines.find((d) => d.value.kind === 'weekly');
    const dropped = draft.deadlines.find((d) => d.value.kind !== 'weekly');
    if (!weekly || !dropped) throw new Error('deadlines missing');
    weekly.value = { ...weekly.value, hour: 10 };
    dropped.use = false;
    draft.campaignEnd = '2020-07-05';
    draft.media = [
      {
        use: true,
        value: { kind: 'image', formats: ['JPG'], width: 1280, height: 720, minimum: true, source: '' },
      },
    ];
    const qq = draft.liaison?.fields.find((f) => f.value.id === 'qq');
    if (qq) qq.use = false;
    const plan = planLog(draft);
    expect(plan.templateIds).toEqual(['liaoning-market-2020']);
    const log = newLog(plan.templateIds);
    applyDraft(log, draft, plan.base);
    const schedule = logSchedule(log, plan.base);
    expect(schedule.deadlines.find((d) => d.kind === 'weekly')).toMatchObject({ weekday: 4, hour: 10 });
    expect(schedule.deadlines.some((d) => d.id === dropped.value.id)).toBe(false);
    expect(schedule.campaign.end).toBe('2020-07-05');
    expect(schedule.from.campaign).toBe('unit');
    expect(schedule.media).toMatchObject([{ width: 1280, height: 720 }]);
    expect(log.notice()?.liaisonFields.map((f) => f.id)).not.toContain('qq');
  });

  it('a table the person corrected is no longer the built-in: it is saved as the unit’s own', async () => {
    const draft = await draftOf('baodi-2021');
    const table = draft.tables[0];
    if (!table) throw new Error('no table');
    const slots = table.value.slots.map((s, i) => (i === 0 ? { ...s, kind: 'text' as const } : s));
    table.value = { ...table.value, title: '宝坻区进展情况统计表（本单位核对）', slots };
    const plan = planLog(draft);
    expect(plan.toSave).toHaveLength(1);
    expect(plan.templateIds).toEqual([table.value.id]);
    expect(plan.base?.title).toBe('宝坻区进展情况统计表（本单位核对）');
  });

  it('a notice without a statistics table: no template, its deadlines kept as the unit’s schedule', async () => {
    const draft = await draftOf('jiexi-2020');
    const plan = planLog(draft);
    expect(plan.templateIds).toEqual([]);
    const log = newLog([]);
    applyDraft(log, draft, undefined);
    const schedule = logSchedule(log, undefined);
    expect(schedule.deadlines).toEqual(getTemplate('jiexi-2020')?.deadlines);
    expect(schedule.deadlines.find((d) => d.kind === 'monthly')).toMatchObject({ dayOfMonth: 28 });
    expect(schedule.media).toEqual(getTemplate('jiexi-2020')?.media);
  });

  it('a 2020 notice used in 2026: its dates moved to 2026, only what the person corrected is an edit', async () => {
    const read = await draftOf('daxinganling-2020');
    const draft = moveDraftToYear(read, 2026);
    expect(draft.year).toBe(2020);
    expect([draft.campaignStart, draft.campaignEnd]).toEqual(['2026-06-01', '2026-06-30']);
    const dated = draft.deadlines.filter((d) => d.value.date);
    expect(dated.length).toBeGreaterThan(0);
    for (const d of dated) expect(d.value.date).toMatch(/^2026-/);
    // Moving back gives the notice's own dates.
    expect(moveDraftToYear(draft, 2020).deadlines).toEqual(read.deadlines);

    const plan = planLog(draft);
    expect(plan.templateIds).toEqual(['daxinganling-2020']);
    const log = newLog(plan.templateIds, '2026年“安全生产月”');
    applyDraft(log, draft, plan.base);
    expect(log.scheduleEdits().deadlines).toEqual({});
    const schedule = logSchedule(log, plan.base);
    expect(schedule.deadlines).toEqual(noticeDeadlines(plan.base, 2026));
    expect(schedule.campaign).toEqual({ start: '2026-06-01', end: '2026-06-30' });
    expect(schedule.from.campaign).not.toBe('unit');

    const first = dated[0];
    if (!first) throw new Error('no dated deadline');
    first.value = { ...first.value, date: '2026-07-03' };
    const edited = newLog(plan.templateIds, '2026年“安全生产月”');
    applyDraft(edited, draft, plan.base);
    expect(Object.keys(edited.scheduleEdits().deadlines)).toEqual([first.value.id]);
    expect(logSchedule(edited, plan.base).deadlines.find((d) => d.id === first.value.id)?.date).toBe(
      '2026-07-03',
    );
  });
});
