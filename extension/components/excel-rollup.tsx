import { templateValues } from '@tianbao/core';
import type { RollupProblem, RollupResult } from '@tianbao/excel';
import { getTemplate, type Slot, TERM, type Template } from '@tianbao/templates';
import { useMemo, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { workbookName } from '../utils/excel-input';
import { useExcelLib } from '../utils/excel-lib';
import { excelErrorZh, rollupProblemZh } from '../utils/excel-messages';
import { type ApplyRow, applyPlan, rollupReason } from '../utils/excel-rollup-plan';
import { rollupInWorker } from '../utils/excel-worker-client';
import { reportDateNow } from '../utils/report-date';
import { ExportStatus, useWorkerExport } from './excel-export';
import { ExcelFilePick } from './excel-file-pick';
import { RollupApply } from './excel-rollup-apply';

type SlotValue = string | number | boolean | null | undefined;
const show = (v: SlotValue) =>
  v === null || v === undefined ? '' : v === true ? '是' : v === false ? '否' : String(v);
const phrase = (s: Slot) =>
  s.kind === 'boolean' ? `${s.before}${s.after}` : `${s.before}（\u3000）${s.after}`;
const titleOf = (id: string) => getTemplate(id)?.title;

/** Empty blanks are normal in a sub-unit's table: one line per sub-unit, not one per blank. */
function problemLines(problems: RollupProblem[], template: Template) {
  const files: string[] = [];
  const empty = new Map<string, number[]>();
  const slotNotes = new Map<string, string[]>();
  const byId = new Map(template.slots.map((s) => [s.id, s]));
  const others: string[] = [];
  for (const p of problems) {
    if (p.code === 'empty-blank') {
      const list = empty.get(p.unitName ?? '') ?? [];
      list.push(byId.get(p.slotId ?? '')?.index ?? -1);
      empty.set(p.unitName ?? '', list);
    } else if (p.excluded) files.push(rollupProblemZh(p, titleOf));
    else if (p.code === 'not-summable') {
      // One note per blank; shown in the table's 说明 column.
    } else others.push(rollupProblemZh(p, titleOf));
    if (p.slotId && p.code !== 'empty-blank')
      slotNotes.set(p.slotId, [...(slotNotes.get(p.slotId) ?? []), p.zh]);
  }
  const emptyLines = [...empty].map(([unit, idx]) => {
    const list = idx.length > 10 ? `${idx.slice(0, 10).join('、')} 等` : idx.join('、');
    return `${unit} 有 ${idx.length} 项未填（第 ${list} 项），未填的项不计入合计`;
  });
  return { files, others, emptyLines, slotNotes };
}

/** 汇总下级单位: several sub-units' exported tables side by side, summed, downloaded or put into this log. */
export function ExcelRollup() {
  const open = useOpenLog();
  const { session, template, record } = open;
  const rev = useLogRevision();
  const lib = useExcelLib();
  const [result, setResult] = useState<RollupResult | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [applied, setApplied] = useState('');
  const [onlyFilled, setOnlyFilled] = useState(true);
  const exp = useWorkerExport();

  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const current = useMemo(
    () => (template ? new Map(templateValues(session.log, template).map((v) => [v.slotId, v])) : new Map()),
    [session, template, rev],
  );
  const plan: ApplyRow[] = useMemo(
    () => (template && result ? applyPlan(template, result, current) : []),
    [template, result, current],
  );
  if (!template) return <p className="empty">本台账没有选择统计表模板。</p>;

  const choose = async (files: File[]) => {
    if (!files.length) return;
    setError('');
    setApplied('');
    setResult(null);
    setBusy(true);
    try {
      const inputs = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      setNames(files.map((f) => f.name));
      setResult(await rollupInWorker(inputs, template));
    } catch (err) {
      setError(excelErrorZh(err));
    } finally {
      setBusy(false);
    }
  };

  const download = () => {
    if (!lib || !result) return;
    const log = session.log;
    void exp.run(
      // The summed table is this unit's report: its 填报日期 is the log's one date (recorded now if unset).
      async () =>
        lib.rollupExportInput(result, template, {
          meta: log.meta(),
          profile: log.getProfile(),
          date: reportDateNow(log, template).date,
        }),
      workbookName(record.unitName, template.title, '汇总'),
    );
  };

  const lines = result ? problemLines(result.problems, template) : null;
  // Files that could not be used are sub-units missing from every sum below: said first, and carried into
  // the downloaded table and into the log.
  const incomplete = result && lib ? lib.incompleteNote(result) : null;
  const units = result?.perUnit ?? [];
  const allSlots = template.slots.filter((s) => s.section === 'table').sort((a, b) => a.index - b.index);
  const filled = (s: Slot) => units.some((u) => u.values[s.id] !== null && u.values[s.id] !== undefined);
  const slots = onlyFilled ? allSlots.filter(filled) : allSlots;

  return (
    <div className="excel-section">
      <h3>汇总下级单位的统计表</h3>
      <p className="muted">
        一次选择多个下级单位用填报助手导出的 Excel
        文件（同一张统计表）。各单位的数值并排显示：数字相加，“是/否”计数，文字逐一列出。
        其他统计表的文件、同一单位的重复文件会单独列出，不会计入。
      </p>
      <ExcelFilePick
        label="选择下级单位的统计表"
        button="选择多个 Excel 文件…"
        multiple
        disabled={busy}
        chosen={names.length ? `已选择 ${names.length} 个文件` : ''}
        onFiles={(files) => void choose(files)}
      />
      {error ? (
        <p className="error-banner" role="alert">
          {error}
        </p>
      ) : null}
      {result && lines ? (
        <>
          <p className="excel-summary">
            {units.length ? (
              <span className="tag ok">
                已汇总 {units.length} 个单位：{units.map((u) => u.unitName).join('、')}
              </span>
            ) : (
              <span className="tag warn">没有可以汇总的文件</span>
            )}
            {lines.files.length ? <span className="tag warn">{lines.files.length} 个文件未汇总</span> : null}
          </p>
          {incomplete && units.length ? (
            <p className="error-banner excel-incomplete" role="alert">
              {incomplete}
              。下面的合计没有包含这些单位的数字。请让这些单位重新发送可以打开的文件后再汇总；如果现在就要使用，下载的汇总表顶部和填入本台账的每个值都会注明“不完整”。
            </p>
          ) : null}
          {lines.files.length || lines.others.length || lines.emptyLines.length ? (
            <div className="excel-problems">
              <h4>需要注意</h4>
              <ul>
                {lines.files.map((l) => (
                  <li key={l} className="excel-excluded">
                    {l}
                  </li>
                ))}
                {lines.others.map((l) => (
                  <li key={l}>{l}</li>
                ))}
                {lines.emptyLines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {units.length ? (
            <>
              <div className="toolbar excel-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={exp.status.state === 'running'}
                  onClick={download}
                >
                  {incomplete ? '下载汇总表（不完整）' : '下载汇总表'}
                </button>
                <button type="button" onClick={() => setConfirming(true)}>
                  填入本台账…
                </button>
              </div>
              <ExportStatus status={exp.status} onCancel={exp.cancel} />
              {applied ? (
                <p className="notice" role="status">
                  {applied}
                </p>
              ) : null}
              <label className="inline excel-filter">
                <input
                  type="checkbox"
                  checked={onlyFilled}
                  onChange={(e) => setOnlyFilled(e.target.checked)}
                />
                只显示有下级单位填写的项（{allSlots.filter(filled).length} / {allSlots.length} 项）
              </label>
              <div className="excel-scroll">
                <table className="list compact excel-side">
                  <thead>
                    <tr>
                      <th>序号</th>
                      <th>{TERM.blank}</th>
                      {units.map((u) => (
                        <th key={u.unitId || u.unitName} title={u.file}>
                          {u.unitName}
                        </th>
                      ))}
                      <th>汇总</th>
                      <th>说明</th>
                    </tr>
                  </thead>
                  <tbody>
                    {slots.map((s) => (
                      <tr key={s.id}>
                        <td className="num">{s.index}</td>
                        <td className="excel-phrase">
                          <span className="muted">{s.item}：</span>
                          {phrase(s)}
                        </td>
                        {units.map((u) => {
                          const v = u.values[s.id];
                          return (
                            <td key={u.unitId || u.unitName} className={typeof v === 'number' ? 'num' : ''}>
                              {v === null || v === undefined ? <span className="muted">未填</span> : show(v)}
                            </td>
                          );
                        })}
                        <td className={`excel-total${typeof result.values[s.id] === 'number' ? ' num' : ''}`}>
                          {show(result.values[s.id])}
                        </td>
                        <td className="excel-note-cell">{(lines.slotNotes.get(s.id) ?? []).join('；')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      ) : null}
      {confirming && result ? (
        <RollupApply
          rows={plan}
          unitCount={units.length}
          incomplete={incomplete}
          onClose={() => setConfirming(false)}
          onApplied={(n) => {
            setConfirming(false);
            setApplied(
              `已把 ${n} 项汇总值填入本台账（手工值，原因“${rollupReason(units.length, incomplete)}”）。`,
            );
          }}
        />
      ) : null}
    </div>
  );
}
