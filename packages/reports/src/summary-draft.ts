import type { Entry, LogMeta, Plan, SlotStat, SlotValue } from '@tianbao/core';
import { planTimeText } from '@tianbao/core';
import {
  ENTRY_LABEL,
  PLAN_LABEL,
  type Slot,
  TERM,
  type Template,
  type TemplateRow,
} from '@tianbao/templates';
import type { FileChild } from 'docx';
import { chineseNumber } from './figure-words.ts';
import { figureSentence, rowFigures, yesStatement } from './figures.ts';
import { activityName, chinaDay, chinaTime, dateText, noticeCitation } from './names.ts';
import {
  type DocumentProperties,
  docxBytes,
  heading,
  leadParagraph,
  officialDocument,
  paragraph,
  prompt,
  title,
} from './official-document.ts';

/** What the 总结 draft is written from: core's plain records at one moment. */
export interface SummaryInput {
  /** The statistics table of the notice. */
  template: Template;
  meta: LogMeta;
  /** Every blank as the 统计表 shows it (`<templateId>/<slotId>`: templateValues, or log.statistics). */
  stats: readonly SlotStat[];
  /** Live entries; those marked 重点 become 三、特色亮点. */
  entries: readonly Entry[];
  /** Live plans (重点活动计划). */
  plans: readonly Plan[];
  /** The unit as it signs (the liaison profile's 单位名称, else the log's). */
  unitName?: string;
  /** The campaign's year (core's campaignYear). */
  year: number;
  /** Epoch ms of generation: in the document's properties, and under the signature without a reportDate. */
  generatedAt: number;
  /** 填报日期 (YYYY-MM-DD, UnitLog.reportDate): the date under the signature, the same as the 统计表's. */
  reportDate?: string;
  /** UnitLog.stateDigest() at generation. */
  logState: string;
}

export type DraftBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; lead?: string }
  /** 【…】: for the person to write; highlighted in the document. */
  | { kind: 'prompt'; text: string }
  | { kind: 'signature'; text: string };

export interface SummaryDraft {
  title: string;
  blocks: DraftBlock[];
  /** Every figure written, with the value as the statistics had it. */
  figures: { slotId: string; value: SlotValue }[];
  properties: DocumentProperties;
}

interface Paragraph {
  item: string;
  group: string;
  sentence: string;
}

/** Consecutive rows of one item (the 兴安行 rows all say 安全生产兴安行活动) read as one paragraph. */
function itemRuns(rows: readonly TemplateRow[]): TemplateRow[][] {
  const runs: TemplateRow[][] = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (last?.[0] && last[0].item === row.item && last[0].group === row.group) last.push(row);
    else runs.push([row]);
  }
  return runs;
}

/**
 * The draft as plain blocks. Structure of a 总结 as units write them: title; 一、基本情况 with 组织领导 (the
 * table's 是/否 answers) and the plans; 二、主要做法和成效, one paragraph per activity item of the notice's
 * table with every non-empty figure; 三、特色亮点 from the activities marked 重点; 四、存在问题和下步打算 as
 * prompts only. The tool writes from the log and the notice and adds no claims of its own.
 */
export function summaryDraft(input: SummaryInput): SummaryDraft {
  const { template, meta } = input;
  const unit = input.unitName?.trim() || meta.unitName;
  const year = input.year;
  const activity = activityName(template);
  const docTitle = `${unit}${year}年${activity}总结`;
  const byKey = new Map(input.stats.map((s) => [s.key, s]));
  const slotById = new Map(template.slots.map((s) => [s.id, s]));
  const valueFor = (slot: Slot) => byKey.get(`${template.id}/${slot.id}`)?.value ?? null;
  const slotsOf = (row: TemplateRow) =>
    row.slotIds.map((id) => slotById.get(id)).filter((s): s is Slot => !!s);
  const figures: SummaryDraft['figures'] = [];
  const noAnswers: Slot[] = [];
  const blocks: DraftBlock[] = [{ kind: 'title', text: docTitle }];

  // 一、基本情况
  blocks.push({ kind: 'heading', level: 1, text: '一、基本情况' });
  const live = input.entries.filter((e) => e.deletedAt === undefined);
  const dates = live.map((e) => e.date).sort();
  // A built-in table is from a past year's notice: citing it in this year's 总结 would be wrong.
  const from = template.source.year;
  const pastNotice = from !== undefined && from !== year;
  const cited = pastNotice ? undefined : noticeCitation(template.source.notice);
  let opening = `${cited ? `按照${cited}要求，` : ''}${unit}开展${year}年${activity}。`;
  if (live.length)
    opening += `${TERM.log}共记录${TERM.entry}${live.length}项${
      dates[0] === dates.at(-1)
        ? `（${dateText(dates[0] as string)}）`
        : `，时间为${dateText(dates[0] as string)}至${dateText(dates.at(-1) as string)}`
    }。`;
  if (pastNotice)
    blocks.push({
      kind: 'prompt',
      text: `【请写明按照今年哪份上级通知（名称和文号）开展活动；统计表取自${from}年的通知，不要引用它】`,
    });
  blocks.push({ kind: 'paragraph', text: opening });

  const boolRows = template.rows.filter((r) => {
    const slots = slotsOf(r);
    return slots.length > 0 && slots.every((s) => s.kind === 'boolean');
  });
  const leadership: DraftBlock[] = [];
  for (const row of boolRows) {
    const yes: string[] = [];
    for (const slot of slotsOf(row)) {
      const v = valueFor(slot);
      if (v === true) {
        yes.push(yesStatement(slot, row));
        figures.push({ slotId: slot.id, value: true });
      } else if (v === false) noAnswers.push(slot);
    }
    if (yes.length)
      leadership.push({ kind: 'paragraph', lead: `${row.item}。`, text: `${yes.join('；')}。` });
  }
  blocks.push({ kind: 'heading', level: 2, text: '（一）组织领导' });
  if (leadership.length) blocks.push(...leadership);
  else
    blocks.push({
      kind: 'prompt',
      text: '【请写明本单位成立活动领导小组、制定活动方案、部署动员等组织领导情况】',
    });

  const plans = input.plans.filter((p) => p.deletedAt === undefined);
  if (plans.length) {
    blocks.push({ kind: 'heading', level: 2, text: '（二）重点活动安排' });
    const done = plans.filter((p) => p.entryId).length;
    blocks.push({
      kind: 'paragraph',
      text: `制定重点活动计划${plans.length}项${done ? `，其中${done}项已完成并记入活动台账` : ''}。`,
    });
    plans.forEach((p, i) => {
      const parts = [
        planTimeText(p.time),
        p.place,
        p.content.replace(/[。；\s]+$/u, ''),
        p.host && `${PLAN_LABEL.host}：${p.host}`,
        p.assist && `${PLAN_LABEL.assist}：${p.assist}`,
      ].filter(Boolean);
      blocks.push({
        kind: 'paragraph',
        text: `${i + 1}. ${parts.join('，')}${p.entryId ? '（已完成）' : ''}。`,
      });
    });
  }

  // 二、主要做法和成效
  blocks.push({ kind: 'heading', level: 1, text: '二、主要做法和成效' });
  const paragraphs: Paragraph[] = [];
  for (const run of itemRuns(template.rows.filter((r) => !boolRows.includes(r)))) {
    const first = run[0] as TemplateRow;
    const sentences: string[] = [];
    for (const row of run) {
      const f = rowFigures(row, slotsOf(row), valueFor);
      noAnswers.push(...f.answeredNo);
      for (const id of f.written)
        figures.push({ slotId: id, value: valueFor(slotById.get(id) as Slot) as SlotValue });
      if (f.clauses.length) sentences.push(figureSentence(f.clauses));
    }
    if (sentences.length)
      paragraphs.push({ item: first.item, group: first.group, sentence: `${sentences.join('；')}。` });
  }
  const grouped = new Set(template.rows.map((r) => r.group).filter(Boolean)).size > 1;
  if (!paragraphs.length)
    blocks.push({
      kind: 'prompt',
      text: '【统计表中还没有数字。请先在活动台账中记录活动，或在此写明主要做法和成效】',
    });
  let group: string | undefined;
  let n = 0;
  for (const p of paragraphs) {
    if (grouped && p.group !== group) {
      group = p.group;
      n++;
      blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumber(n)}）${p.group}` });
    }
    if (grouped) {
      blocks.push(
        p.item === p.group
          ? { kind: 'paragraph', text: p.sentence }
          : { kind: 'paragraph', lead: `${p.item}。`, text: p.sentence },
      );
    } else {
      n++;
      blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumber(n)}）${p.item}` });
      blocks.push({ kind: 'paragraph', text: p.sentence });
    }
  }

  // 三、特色亮点
  blocks.push({ kind: 'heading', level: 1, text: '三、特色亮点' });
  const highlights = live
    .filter((e) => e.highlight)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!highlights.length)
    blocks.push({
      kind: 'prompt',
      text: `【${TERM.log}中还没有标为“重点”的${TERM.entry}。请在${TERM.log}中勾选“${ENTRY_LABEL.highlight}”后重新生成，或在此写明本单位有特色的做法】`,
    });
  highlights.forEach((e, i) => {
    blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumber(i + 1)}）${e.title}` });
    const facts = [
      `${PLAN_LABEL.time}：${dateText(e.date, true)}`,
      e.location && `${ENTRY_LABEL.location}：${e.location}`,
      e.organizer && `${ENTRY_LABEL.organizer}：${e.organizer}`,
      e.partners && `${ENTRY_LABEL.partners}：${e.partners}`,
    ].filter(Boolean);
    blocks.push({ kind: 'paragraph', text: `${facts.join('；')}。` });
    const description = e.description.trim();
    if (description)
      for (const line of description.split(/\n+/u)) blocks.push({ kind: 'paragraph', text: line.trim() });
    const own: string[] = [];
    for (const row of template.rows) {
      const f = rowFigures(row, slotsOf(row), (s) => e.contributions[`${template.id}/${s.id}`] ?? null);
      if (f.clauses.length) own.push(f.clauses.join('，'));
    }
    if (own.length) blocks.push({ kind: 'paragraph', text: `本次活动${own.join('；')}。` });
  });

  // 四、存在问题和下步打算
  blocks.push({ kind: 'heading', level: 1, text: '四、存在问题和下步打算' });
  blocks.push({ kind: 'heading', level: 2, text: '（一）存在问题' });
  blocks.push({ kind: 'prompt', text: '【请结合本单位实际，写明活动中存在的问题和不足】' });
  for (const slot of noAnswers) {
    const row = template.rows.find((r) => r.slotIds.includes(slot.id));
    const asked = slot.before.trim() || (row ? yesStatement(slot, row) : slot.item);
    blocks.push({ kind: 'prompt', text: `【${TERM.table}中“${asked}”填的是“否”，请说明原因】` });
  }
  blocks.push({ kind: 'heading', level: 2, text: '（二）下步打算' });
  blocks.push({ kind: 'prompt', text: '【请写明下一步工作打算和改进措施】' });

  const day = input.reportDate ?? chinaDay(input.generatedAt);
  blocks.push({ kind: 'signature', text: unit });
  blocks.push({ kind: 'signature', text: dateText(day, true) });

  const lastChange = live.reduce<Entry | undefined>(
    (a, e) => (!a || e.updatedAt > a.updatedAt ? e : a),
    undefined,
  );
  return {
    title: docTitle,
    blocks,
    figures,
    properties: {
      title: docTitle,
      creator: unit,
      description: `填报助手根据活动台账生成的总结初稿（${chinaTime(input.generatedAt)}，台账状态 ${input.logState}），请修改后报送。`,
      custom: {
        generatedAt: new Date(input.generatedAt).toISOString(),
        generatedBy: '填报助手 Tianbao',
        logId: meta.logId,
        unitId: meta.unitId,
        logState: input.logState,
        entries: String(live.length),
        lastChange: lastChange ? `${chinaTime(lastChange.updatedAt)} ${lastChange.updatedBy}` : '',
        templateId: template.id,
        templateVersion: String(template.version),
        figures: String(figures.length),
      },
    },
  };
}

function render(block: DraftBlock): FileChild {
  switch (block.kind) {
    case 'title':
      return title(block.text);
    case 'heading':
      return heading(block.text, block.level);
    case 'paragraph':
      return block.lead ? leadParagraph(block.lead, block.text) : paragraph(block.text);
    case 'prompt':
      return prompt(block.text);
    case 'signature':
      return paragraph(block.text, { align: 'right' });
  }
}

/** The draft as a .docx to edit in WPS or Word (A4, 公文 look, properties say when and from what state). */
export async function summaryDocx(input: SummaryInput): Promise<{ bytes: Uint8Array; draft: SummaryDraft }> {
  const draft = summaryDraft(input);
  const children = draft.blocks.flatMap((block, i) =>
    // A blank line above the signature: the unit's seal goes over its name.
    block.kind === 'signature' && draft.blocks[i - 1]?.kind !== 'signature'
      ? [paragraph(''), render(block)]
      : [render(block)],
  );
  const bytes = await docxBytes(officialDocument(draft.properties, children));
  return { bytes, draft };
}
