import { campaignYear } from '@tianbao/core';
import type { ColumnMapping, ImportedEntry, InvalidRow, LedgerSheet, ReadValue } from '@tianbao/excel';
import type { Template } from '@tianbao/templates';
import { useEffect, useMemo, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { useSchedule } from '../hooks/use-schedule';
import { campaignWords, outsideCampaignReason } from '../utils/campaign-date';
import { loadExcel, useExcelLib } from '../utils/excel-lib';
import {
  ENTRY_FIELD_ORDER,
  ENTRY_FIELD_ZH,
  mappingNotes,
  mappingProblems,
  parseTarget,
  setColumnTarget,
  targetValue,
} from '../utils/excel-mapping';
import { excelErrorZh, invalidRowZh } from '../utils/excel-messages';
import { readLedgerInWorker } from '../utils/excel-worker-client';
import { ExcelFilePick } from './excel-file-pick';

const PREVIEW_ROWS = 100;

const cellText = (v: ReadValue | undefined) =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();

interface Loaded {
  file: string;
  sheets: LedgerSheet[];
  sheet: number;
  mapping: ColumnMapping[];
}

/** The blanks a count column can go to: the template's number blanks of the table. */
function countSlots(template: Template) {
  return template.slots
    .filter((s) => s.section === 'table' && s.kind === 'number')
    .map((s) => ({
      key: `${template.id}/${s.id}`,
      label: `${s.index}. ${s.before}（\u3000）${s.after}｜${s.item}`,
    }));
}

function MappingTable(props: {
  sheet: LedgerSheet;
  mapping: ColumnMapping[];
  slots: { key: string; label: string }[];
  onChange: (column: number, value: string) => void;
}) {
  return (
    <table className="list compact excel-mapping">
      <thead>
        <tr>
          <th>表格中的列</th>
          <th>前几行的内容</th>
          <th>导入为</th>
          <th>识别情况</th>
        </tr>
      </thead>
      <tbody>
        {props.mapping.map((m) => {
          const samples = props.sheet.rows
            .slice(0, 3)
            .map((r) => cellText(r.cells[m.column]))
            .filter(Boolean);
          return (
            <tr key={m.column}>
              <td className="nowrap">{m.header || `第 ${m.column + 1} 列`}</td>
              <td className="excel-samples">{samples.join('；')}</td>
              <td>
                <select
                  aria-label={`“${m.header || `第 ${m.column + 1} 列`}”导入为`}
                  value={targetValue(m.target)}
                  onChange={(e) => props.onChange(m.column, e.target.value)}
                >
                  <option value="ignore">不导入</option>
                  <optgroup label="活动信息">
                    {ENTRY_FIELD_ORDER.map((f) => (
                      <option key={f} value={`field:${f}`}>
                        {ENTRY_FIELD_ZH[f]}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="计入统计表的数字">
                    {props.slots.map((s) => (
                      <option key={s.key} value={`slot:${s.key}`}>
                        {s.label.length > 48 ? `${s.label.slice(0, 47)}…` : s.label}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </td>
              <td className="nowrap">
                {m.confidence === 'high' ? (
                  <span className="tag ok">已确定</span>
                ) : m.confidence === 'low' ? (
                  <span className="tag warn">请确认</span>
                ) : 'ignore' in m.target && m.target.numeric ? (
                  <span className="tag warn">请选择</span>
                ) : (
                  <span className="tag">未识别</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** 导入台账: a spreadsheet kept by hand becomes entries; rows already imported are skipped. */
export function ExcelLedgerImport() {
  const open = useOpenLog();
  const { session, template, ready } = open;
  const log = session.log;
  const rev = useLogRevision();
  const lib = useExcelLib();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{
    added: number;
    restored: number;
    skipped: number;
    invalid: number;
    leftOut: number;
  } | null>(null);
  /** Import keys already in the log: true when that entry is in the trash. */
  const [known, setKnown] = useState<Map<string, boolean> | null>(null);
  const [reimport, setReimport] = useState(false);
  const [chosenName, setChosenName] = useState('');
  /**
   * Rows dated outside the campaign the person chose to import anyway (by import key). Left out unless
   * ticked: an imported row adds to the official table, and a mistyped year must not reach it unseen.
   */
  const [keepOutside, setKeepOutside] = useState<ReadonlySet<string>>(new Set());
  const { schedule } = useSchedule();

  // Import keys already in the log (the trash too), so the preview can say which rows come in again; only
  // while a file is open, since it reads every entry.
  const hasFile = loaded !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  useEffect(() => {
    let live = true;
    if (!hasFile) return;
    void ready.then(() => {
      if (!live) return;
      const keys = log
        .listEntries({ deleted: 'any' })
        .flatMap((e): [string, boolean][] => (e.importKey ? [[e.importKey, e.deletedAt !== undefined]] : []));
      setKnown(new Map(keys));
    });
    return () => {
      live = false;
    };
  }, [log, ready, rev, hasFile]);

  const slots = useMemo(() => (template ? countSlots(template) : []), [template]);
  // A date written without its year (6月18日) is in the campaign's year, the same one the schedule uses.
  const year = campaignYear(log, template);
  const sheet = loaded ? loaded.sheets[loaded.sheet] : undefined;
  const problems = loaded ? mappingProblems(loaded.mapping) : [];
  const preview = useMemo(() => {
    if (!lib || !loaded || !sheet || mappingProblems(loaded.mapping).length) return null;
    return lib.ledgerToEntries(sheet, loaded.mapping, { year, template });
  }, [lib, loaded, sheet, year, template]);
  const fresh = preview && known ? preview.valid.filter((r) => !known.has(r.importKey)) : [];
  const inTrash = preview && known ? preview.valid.filter((r) => known.get(r.importKey) === true).length : 0;
  const again = preview && known ? preview.valid.length - fresh.length - inTrash : 0;
  const candidates =
    preview && known
      ? preview.valid.filter((r) => !known.has(r.importKey) || (reimport && known.get(r.importKey)))
      : [];
  const outside = candidates.flatMap((r) => {
    const why = outsideCampaignReason(r.date, schedule.campaign);
    return why ? [{ row: r, why }] : [];
  });
  const leftOut = outside.filter((o) => !keepOutside.has(o.row.importKey)).length;
  const toImport = fresh.length + (reimport ? inTrash : 0) - leftOut;

  if (!template) return <p className="empty">本台账没有选择统计表模板。</p>;

  const choose = async (file: File) => {
    setError('');
    setDone(null);
    setLoaded(null);
    setReimport(false);
    setKeepOutside(new Set());
    setChosenName(file.name);
    setBusy(true);
    try {
      const [lib, sheets] = await Promise.all([
        loadExcel(),
        readLedgerInWorker(new Uint8Array(await file.arrayBuffer())),
      ]);
      // The product's own export starts on 活动台账; a hand-kept workbook on its longest sheet.
      const best = lib.ledgerSheetIndex(sheets);
      const first = sheets[best] as LedgerSheet;
      setLoaded({
        file: file.name,
        sheets,
        sheet: best,
        mapping: lib.guessColumns(first.headers, template),
      });
    } catch (err) {
      setError(excelErrorZh(err, file.name));
    } finally {
      setBusy(false);
    }
  };

  const pickSheet = (i: number) => {
    if (!lib || !loaded) return;
    const s = loaded.sheets[i] as LedgerSheet;
    setLoaded({ ...loaded, sheet: i, mapping: lib.guessColumns(s.headers, template) });
  };

  const doImport = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      await ready;
      const left = new Set(
        outside.filter((o) => !keepOutside.has(o.row.importKey)).map((o) => o.row.importKey),
      );
      const rows = preview.valid
        .filter((r) => !left.has(r.importKey))
        .map(({ sourceRow: _row, ...fields }: ImportedEntry) => fields);
      const r = log.importEntries(rows, { reimportDeleted: reimport, source: loaded?.file });
      await session.flush();
      setDone({
        added: r.added.length,
        restored: r.restored.length,
        skipped: r.skipped,
        invalid: preview.invalid.length,
        leftOut: left.size,
      });
    } catch (err) {
      setError(excelErrorZh(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="excel-section">
      <h3>导入手工台账</h3>
      <p className="muted">
        选择平时用 Excel 记录的活动台账（.xlsx），例如有“日期、活动名称、地点、参与人数”等列的表格。
        导入前可以核对每一列的用途并预览；同一个文件导入两次不会重复。
      </p>
      <ExcelFilePick
        label="选择台账文件"
        button="选择 Excel 文件…"
        disabled={busy}
        chosen={loaded?.file ?? chosenName}
        onFiles={(files) => void choose(files[0] as File)}
      />
      {error ? (
        <p className="error-banner" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="notice" role="status">
          已导入 {done.added} 条活动
          {done.restored ? `；从回收站重新导入 ${done.restored} 条` : ''}
          {done.skipped ? `；${done.skipped} 条以前已导入过，已跳过` : ''}
          {done.invalid ? `；${done.invalid} 行有问题没有导入（见下方）` : ''}
          {done.leftOut ? `；${done.leftOut} 条不在活动期间，按您的选择没有导入` : ''}。{' '}
          <a href="#entries">到“活动台账”查看</a>
        </p>
      ) : null}
      {loaded && sheet && !done ? (
        <>
          <h4>
            第一步：核对各列的用途 <span className="muted">（{loaded.file}）</span>
          </h4>
          {loaded.sheets.length > 1 ? (
            <label className="inline">
              工作表
              <select value={loaded.sheet} onChange={(e) => pickSheet(Number(e.target.value))}>
                {loaded.sheets.map((s, i) => (
                  <option key={s.name} value={i}>
                    {s.name}（{s.rows.length} 行）
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <p className="muted">
            表头在第 {sheet.headerRow} 行，下面共有 {sheet.rows.length} 行数据。已按表头自动识别，请逐项核对。
          </p>
          <MappingTable
            sheet={sheet}
            mapping={loaded.mapping}
            slots={slots}
            onChange={(column, value) =>
              setLoaded({ ...loaded, mapping: setColumnTarget(loaded.mapping, column, parseTarget(value)) })
            }
          />
          {[...problems, ...mappingNotes(loaded.mapping)].map((n) => (
            <p key={n} className={problems.includes(n) ? 'error-banner' : 'hint-box excel-note'}>
              {n}
            </p>
          ))}
          {preview ? (
            <>
              <h4>第二步：预览</h4>
              <p className="excel-summary">
                <span className="tag ok">
                  可导入{' '}
                  {fresh.length -
                    outside.filter((o) => !keepOutside.has(o.row.importKey) && !known?.has(o.row.importKey))
                      .length}{' '}
                  条
                </span>
                {again ? <span className="tag">{again} 条以前已导入过，将跳过</span> : null}
                {leftOut ? <span className="tag warn">{leftOut} 条不在活动期间，不导入</span> : null}
                {inTrash ? <span className="tag">{inTrash} 条以前导入后已删除</span> : null}
                {preview.invalid.length ? (
                  <span className="tag warn">{preview.invalid.length} 行有问题，不能导入</span>
                ) : null}
              </p>
              {outside.length ? (
                <OutsideRows
                  rows={outside}
                  campaign={campaignWords(schedule.campaign)}
                  keep={keepOutside}
                  onChange={setKeepOutside}
                />
              ) : null}
              {preview.valid.length ? (
                <div className="excel-scroll">
                  <table className="list compact excel-preview">
                    <thead>
                      <tr>
                        <th>行</th>
                        <th>日期</th>
                        <th>活动名称</th>
                        <th>地点</th>
                        <th>计入统计表</th>
                        <th>状态</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.valid.slice(0, PREVIEW_ROWS).map((r) => (
                        <tr key={r.importKey}>
                          <td className="num">{r.sourceRow}</td>
                          <td className="nowrap">{r.date}</td>
                          <td>{r.title}</td>
                          <td>{r.location}</td>
                          <td>
                            {Object.entries(r.contributions)
                              .map(([k, n]) => `${slotIndex(template, k)}项 ${n}`)
                              .join('，')}
                          </td>
                          <td className="nowrap">
                            {outside.some((o) => o.row.importKey === r.importKey) &&
                            !keepOutside.has(r.importKey) ? (
                              <span className="tag warn">活动期外，不导入</span>
                            ) : known?.get(r.importKey) ? (
                              <span className="tag warn">在回收站</span>
                            ) : known?.has(r.importKey) ? (
                              <span className="tag">已导入过</span>
                            ) : (
                              <span className="tag ok">新</span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {preview.valid.length > PREVIEW_ROWS ? (
                    <p className="muted">只显示前 {PREVIEW_ROWS} 行。</p>
                  ) : null}
                </div>
              ) : null}
              <div className="toolbar excel-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy || !toImport}
                  onClick={() => void doImport()}
                >
                  {toImport ? `导入 ${toImport} 条活动` : '没有新的活动可导入'}
                </button>
                {inTrash ? (
                  <label className="inline">
                    <input
                      type="checkbox"
                      checked={reimport}
                      onChange={(e) => setReimport(e.target.checked)}
                    />
                    把已删除的 {inTrash} 条按现在的列设置重新导入
                  </label>
                ) : null}
              </div>
            </>
          ) : null}
        </>
      ) : null}
      {sheet && preview?.invalid.length ? <InvalidRows sheet={sheet} invalid={preview.invalid} /> : null}
    </div>
  );
}

/**
 * The rows an import would take that are dated outside the campaign, each to keep or leave out before
 * anything is imported; left out by default, so nothing outside the campaign adds to the table unseen.
 */
function OutsideRows(props: {
  rows: { row: ImportedEntry; why: string }[];
  campaign: string;
  keep: ReadonlySet<string>;
  onChange: (keep: ReadonlySet<string>) => void;
}) {
  const toggle = (key: string, on: boolean) => {
    const next = new Set(props.keep);
    if (on) next.add(key);
    else next.delete(key);
    props.onChange(next);
  };
  return (
    <section className="excel-outside" aria-label="不在活动期间的行">
      <p className="hint-box">
        以下 {props.rows.length} 行的日期不在本次活动期间（{props.campaign}）。导入的活动会计入统计表，
        所以这些行默认<b>不导入</b>；核对后确实属于本次活动的，请勾选“仍然导入”。
      </p>
      <table className="list compact">
        <thead>
          <tr>
            <th>行</th>
            <th>日期</th>
            <th>活动名称</th>
            <th>原因</th>
            <th>仍然导入</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ row, why }) => (
            <tr key={row.importKey}>
              <td className="num">{row.sourceRow}</td>
              <td className="nowrap">{row.date}</td>
              <td>{row.title}</td>
              <td>{why}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`仍然导入第 ${row.sourceRow} 行“${row.title}”`}
                  checked={props.keep.has(row.importKey)}
                  onChange={(e) => toggle(row.importKey, e.target.checked)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function InvalidRows(props: { sheet: LedgerSheet; invalid: InvalidRow[] }) {
  return (
    <>
      <h4>以下 {props.invalid.length} 行没有导入</h4>
      <table className="list compact excel-invalid">
        <thead>
          <tr>
            <th>行</th>
            <th>原因</th>
            <th>这一行的内容</th>
          </tr>
        </thead>
        <tbody>
          {props.invalid.map((r) => (
            <tr key={r.row}>
              <td className="num">{r.row}</td>
              <td>{invalidRowZh(r)}</td>
              <td className="excel-samples">
                {(props.sheet.rows.find((x) => x.row === r.row)?.cells ?? [])
                  .map(cellText)
                  .filter(Boolean)
                  .join('；')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function slotIndex(template: Template, key: string): string {
  const s = template.slots.find((x) => `${template.id}/${x.id}` === key);
  return s ? `第 ${s.index} ` : '';
}
