import { fullDayText } from '@tianbao/core';
import type { ExportInput, WriteProgress } from '@tianbao/excel';
import { TERM } from '@tianbao/templates';
import { useRef, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { XLSX_TYPE } from '../utils/documents';
import { ownExportInput, workbookName } from '../utils/excel-input';
import { exportErrorZh } from '../utils/excel-messages';
import { ExportCancelled, exportInWorker } from '../utils/excel-worker-client';
import { downloadBytes } from './exchange-tab';

export type ExportState =
  | { state: 'idle' }
  | { state: 'running'; progress: WriteProgress | null }
  | { state: 'done'; name: string; bytes: number; ms: number }
  | { state: 'cancelled' }
  | { state: 'failed'; message: string; detail: string };

/** One export at a time through the worker: progress, 取消, and the download when it is done. */
export function useWorkerExport() {
  const [status, setStatus] = useState<ExportState>({ state: 'idle' });
  const ctl = useRef<AbortController | null>(null);
  const run = async (make: () => Promise<ExportInput>, name: string) => {
    const abort = new AbortController();
    ctl.current = abort;
    setStatus({ state: 'running', progress: null });
    const started = performance.now();
    try {
      const input = await make();
      const bytes = await exportInWorker(input, {
        signal: abort.signal,
        onProgress: (progress) => setStatus({ state: 'running', progress }),
      });
      if (abort.signal.aborted) throw new ExportCancelled('cancelled');
      downloadBytes(bytes, name, XLSX_TYPE);
      setStatus({ state: 'done', name, bytes: bytes.length, ms: performance.now() - started });
    } catch (err) {
      if (err instanceof ExportCancelled) setStatus({ state: 'cancelled' });
      else
        setStatus({
          state: 'failed',
          message: exportErrorZh(err),
          detail: err instanceof Error ? err.message : String(err),
        });
    } finally {
      if (ctl.current === abort) ctl.current = null;
    }
  };
  return { status, run, cancel: () => ctl.current?.abort() };
}

function percent(p: WriteProgress | null): number | undefined {
  if (!p) return undefined;
  if (p.phase === 'zip') return 100;
  return Math.min(99, Math.round((p.rows / Math.max(1, p.total)) * 100));
}

/** The progress bar with its 取消 button, then what happened. */
export function ExportStatus(props: { status: ExportState; onCancel: () => void }) {
  const s = props.status;
  if (s.state === 'idle') return null;
  if (s.state === 'running') {
    const p = s.progress;
    const text = !p
      ? '正在准备数据…'
      : p.phase === 'zip'
        ? '正在生成文件，马上就好…'
        : `正在写入第 ${p.rows.toLocaleString('zh-CN')} / ${p.total.toLocaleString('zh-CN')} 行…`;
    return (
      <div className="excel-progress" role="status">
        <progress max={100} value={percent(p)} aria-label="导出进度" />
        {/* Before the row count, whose width changes as it counts: 取消 stays where the person aims. */}
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
        <span>{text}</span>
      </div>
    );
  }
  if (s.state === 'done')
    return (
      <p className="notice" role="status" data-ms={Math.round(s.ms)} data-bytes={s.bytes}>
        已导出“{s.name}”（{Math.max(1, Math.round(s.bytes / 1024))} KB，用时 {(s.ms / 1000).toFixed(1)}{' '}
        秒），请在浏览器的下载内容中查看。
      </p>
    );
  if (s.state === 'cancelled')
    return (
      <p className="notice" role="status">
        已取消导出，没有生成文件。
      </p>
    );
  return (
    <p className="error-banner" role="alert" title={s.detail}>
      导出没有完成：{s.message}
    </p>
  );
}

/** 导出Excel: the whole log as the official workbook, written off the page's thread. */
export function ExcelExport() {
  const open = useOpenLog();
  useLogRevision();
  const { template, session, record } = open;
  const { status, run, cancel } = useWorkerExport();
  if (!template) return <p className="empty">本台账没有选择统计表模板，无法导出。</p>;
  const entries = session.log.listSummaries().length;
  const plans = session.log.listPlans().length;
  const reportDate = session.log.reportDate();
  const running = status.state === 'running';
  return (
    <div className="excel-section">
      <h3>{TERM.exportExcel}</h3>
      <p className="muted">生成一个 Excel 文件，可直接打印或报送。文件中包含以下工作表：</p>
      <ul className="excel-sheets">
        <li>
          <b>统计表</b>：按通知中的表格格式填好，A4 横向打印
        </li>
        <li>
          <b>指标明细</b>：每个{TERM.blank}一行，写明数值和来源
        </li>
        <li>
          <b>活动台账</b>：{entries} 条活动
        </li>
        <li>
          <b>联络员</b>：联络员推荐表
        </li>
        <li>
          <b>重点活动计划</b>：{plans} 项计划
        </li>
      </ul>
      <p className="muted">
        {TERM.reportDate}：{reportDate ? fullDayText(reportDate) : '还没有设置，导出时记为今天'}
        （统计表、打印、Excel、文档和网页填报都用同一个日期，可在“统计表”中点表头的{TERM.reportDate}修改）
      </p>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={running}
          onClick={() =>
            void run(() => ownExportInput(open, template), workbookName(record.unitName, template.title))
          }
        >
          {TERM.exportExcel}
        </button>
      </div>
      <ExportStatus status={status} onCancel={cancel} />
    </div>
  );
}
