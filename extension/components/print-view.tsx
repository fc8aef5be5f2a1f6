import { fullDayText, reportDateOf, templateValues } from '@tianbao/core';
import { type Slot, TERM } from '@tianbao/templates';
import { useEffect, useMemo, useState } from 'react';
import '../assets/print.css';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { today } from '../utils/format';
import { userMessage } from '../utils/input-errors';
import {
  blankText,
  groupSpans,
  headerFields,
  rowSentence,
  type SlotValue,
  tableColumns,
} from '../utils/official-table';
import { reportDateNow } from '../utils/report-date';
import { ErrorText } from './error-text';

/**
 * 统计表 for the seal: exactly the notice's table on A4 through the browser's own print (print.css), so the
 * PDF is what Chrome saves. The column titles repeat on every page (thead), a row never splits across pages,
 * and the unit, date and room for the seal stand at the bottom right. Empty blanks print empty, for a pen.
 */
export function PrintView() {
  const { session, template } = useOpenLog();
  const rev = useLogRevision();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const values = useMemo(
    () => (template ? templateValues(session.log, template) : []),
    [session, template, rev],
  );
  const byId = new Map(values.map((v) => [v.slotId, v]));
  const dateField = template?.headerFields.find((h) => h.kind === 'date');
  // 填报日期 is the log's one date (统计表, Excel, documents and the portal show the same); until the unit
  // reports, the sheet shows today, and printing records it.
  const saved = reportDateOf(session.log, template);
  const date = saved ?? today();
  const [dateError, setDateError] = useState('');
  const setDate = (value: string) => {
    try {
      session.log.setReportDate(value || null);
      setDateError('');
    } catch (err) {
      setDateError(userMessage(err));
    }
  };
  const unit = session.log.getProfile().unitName || session.log.meta().unitName;
  // Chrome names the saved PDF after the page title.
  useEffect(() => {
    const before = document.title;
    document.title = `${unit}-${template?.title ?? '统计表'}`;
    return () => {
      document.title = before;
    };
  }, [unit, template]);
  if (!template) return <p className="empty">本台账没有选择统计表模板。</p>;

  const slotById = new Map(template.slots.map((s) => [s.id, s]));
  const emptyCount = values.filter((v) => v.value === null && v.slotId !== dateField?.slotId).length;
  const shown = (slot: Slot) => {
    if (slot.id === dateField?.slotId) return date ? fullDayText(date) : '';
    return blankText(slot, byId.get(slot.id) as SlotValue);
  };
  const blank = (slot: Slot) => (
    <span key={slot.id} className={`sheet-blank${shown(slot) ? '' : ' sheet-blank-empty'}`}>
      {shown(slot) || '\u3000\u3000'}
    </span>
  );
  const spans = groupSpans(template.rows);
  const { hasGroups, columns } = tableColumns(template);
  // A cell that spans the group and item columns on paper (安全生产兴安行活动) is one cell again here.
  const itemInGroup = new Set(
    template.rows
      .filter((r) => r.group && template.rows.every((o) => o.group !== r.group || o.item === r.group))
      .map((r) => r.group),
  );

  return (
    <div className="print-view">
      <div className="print-toolbar no-print">
        <a href="#stats">← 返回统计表</a>
        <label>
          {TERM.reportDate} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => {
            reportDateNow(session.log, template, date);
            window.print();
          }}
        >
          打印 / 导出PDF
        </button>
        <span className="muted">{saved ? '本台账的填报日期' : '还没有设置填报日期，打印时记为这一天'}</span>
        {dateError ? (
          <span className="field-message">
            <ErrorText message={dateError} />
          </span>
        ) : null}
        {emptyCount ? (
          <span className="tag warn">还有 {emptyCount} 项未填，打印后留空，可手写</span>
        ) : (
          <span className="tag ok">所有项目都已填写</span>
        )}
        <p className="muted">
          A4 纵向。要 PDF：在打印窗口的“目标打印机”中选“另存为 PDF”。表头在每一页重复，盖章处在末页右下方。
        </p>
      </div>
      <article className="print-sheet" aria-label="打印预览">
        {template.source.attachment ? (
          <p className="sheet-attachment">{template.source.attachment.replace(/\s+/g, '')}</p>
        ) : null}
        <h1 className="sheet-title">{template.title}</h1>
        <p className="sheet-header">{headerFields(template, slotById, blank, 'sheet-field')}</p>
        <table className={`sheet-table${hasGroups ? ' with-groups' : ''}`}>
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
              <tr
                key={`${r.group}|${r.item}|${r.slotIds.join()}`}
                className={(spans[i] ?? 0) > 1 ? 'group-start' : undefined}
              >
                {hasGroups && spans[i] ? (
                  <td
                    className="col-group"
                    rowSpan={spans[i]}
                    colSpan={itemInGroup.has(r.group) ? 2 : undefined}
                  >
                    {r.group}
                  </td>
                ) : null}
                {itemInGroup.has(r.group) ? null : <td className="col-item">{r.item}</td>}
                <td className="col-req">{r.requirement}</td>
                <td className="col-progress">{rowSentence(r.slotIds, slotById, blank)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="sheet-seal">
          <p>{unit}（盖章）</p>
          <p>{date ? fullDayText(date) : '\u3000\u3000年\u3000\u3000月\u3000\u3000日'}</p>
        </div>
      </article>
    </div>
  );
}
