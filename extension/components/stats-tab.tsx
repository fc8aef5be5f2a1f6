import { fullDayText, isValidDate, reportDateSlotId, templateValues } from '@tianbao/core';
import { type Slot, SOURCE_LABEL, type Template } from '@tianbao/templates';
import { useMemo, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { useSchedule } from '../hooks/use-schedule';
import { dueWords, occurrences } from '../utils/deadlines';
import { makeSummary } from '../utils/documents';
import {
  blankText,
  groupSpans,
  headerFields,
  rowSentence,
  type SlotValue,
  tableColumns,
} from '../utils/official-table';
import { DocumentDownload } from './document-download';
import { Modal } from './modal';
import { ReportDateDialog } from './report-date-dialog';
import { SlotDetail } from './slot-detail';

/** 统计表: the template drawn like the notice's table, every blank showing its computed value. */
export function StatsTab() {
  const log = useOpenLog();
  const { session, template } = log;
  const rev = useLogRevision();
  const [open, setOpen] = useState<Slot | null>(null);
  const [dating, setDating] = useState(false);
  const { schedule } = useSchedule();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const values = useMemo(
    () => (template ? templateValues(session.log, template) : []),
    [session, template, rev],
  );
  if (!template) return <p className="empty">本台账没有选择统计表模板。</p>;
  const byId = new Map(values.map((v) => [v.slotId, v]));
  const dateSlot = reportDateSlotId(template);
  const slotById = new Map(template.slots.map((s) => [s.id, s]));
  const emptyCount = values.filter((v) => v.value === null).length;
  // This campaign's deadlines (the notice's moved to its year, as the unit confirmed them), never the
  // dates of the past year's notice the table came from.
  const all = occurrences(schedule.deadlines, schedule.year);
  const due = all.find((o) => o.kind === 'table') ?? all.find((o) => o.kind === 'summary');

  const blank = (slot: Slot) => {
    const v = byId.get(slot.id) as SlotValue;
    // 填报日期 reads as a document dates itself (2026年12月4日), as the print view and the Excel file write it.
    const shown =
      slot.id === dateSlot && typeof v.value === 'string' && isValidDate(v.value)
        ? fullDayText(v.value)
        : blankText(slot, v);
    const cls = `blank${shown ? '' : ' blank-empty'}${v.error ? ' blank-error' : ''} source-${v.source}`;
    return (
      <button
        type="button"
        key={slot.id}
        className={cls}
        title={v.explanation}
        // 填报日期 is the log's one date, not a blank's own manual value.
        onClick={() => (slot.id === dateSlot ? setDating(true) : setOpen(slot))}
      >
        {shown || '\u3000\u3000'}
      </button>
    );
  };
  const spans = groupSpans(template.rows);
  const { hasGroups, columns } = tableColumns(template);

  return (
    <section className="tab stats">
      <div className="status-line">
        {emptyCount ? (
          <span className="tag warn">还有 {emptyCount} 项未填</span>
        ) : (
          <span className="tag ok">所有项目都已填写</span>
        )}
        {due ? (
          <span className="muted">
            报送截止：{fullDayText(due.date)}（{dueWords(due.due)}）
          </span>
        ) : null}
        <span className="legend">
          <span className="blank source-sum">{SOURCE_LABEL.sum}</span>
          <span className="blank source-manual">{SOURCE_LABEL.manual}</span>
          <span className="blank source-profile">{SOURCE_LABEL.profile}</span>
          <span className="blank blank-empty">{SOURCE_LABEL.empty}</span>
        </span>
      </div>
      <div className="toolbar documents">
        <DocumentDownload label="生成总结初稿" make={() => makeSummary(log, template)} />
        <button type="button" onClick={() => location.assign('#print')}>
          打印 / 导出PDF
        </button>
      </div>
      <div className="paper">
        <h2 className="paper-title">{template.title}</h2>
        <p className="paper-header">{headerFields(template, slotById, blank, 'header-field')}</p>
        <table className="official">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.className} className={c.className}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {template.rows.map((r, i) => (
              <tr key={`${r.group}|${r.item}|${r.slotIds.join()}`}>
                {hasGroups && spans[i] ? (
                  <td className="col-group" rowSpan={spans[i]}>
                    {r.group}
                  </td>
                ) : null}
                <td className="col-item">{r.item}</td>
                <td className="col-req">{r.requirement}</td>
                <td className="col-progress">{rowSentence(r.slotIds, slotById, blank)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dating ? <ReportDateDialog onClose={() => setDating(false)} /> : null}
      {open ? (
        <Modal title="统计项详情" onClose={() => setOpen(null)} wide>
          <SlotDetail
            template={template as Template}
            slot={open}
            stat={byId.get(open.id) as SlotValue}
            onClose={() => setOpen(null)}
          />
        </Modal>
      ) : null}
    </section>
  );
}
