import {
  currentPeriod,
  customPeriod,
  dayText,
  describeRange,
  localToday,
  PERIOD_MODE_ZH,
  type ReportingPeriod,
} from '@tianbao/core';
import type { PeriodMedia } from '@tianbao/reports';
import { TERM } from '@tianbao/templates';
import { useEffect, useMemo, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { useSchedule } from '../hooks/use-schedule';
import { attachmentsDb } from '../utils/attachments-db';
import { userMessage } from '../utils/input-errors';
import { slotTitle } from '../utils/portal-values';
import { ErrorText } from './error-text';
import { downloadBytes } from './exchange-tab';
import { PeriodOptions } from './period-picker';

/** The library that writes Word and zip files loads when this tab is first shown, not with the dashboard. */
const reports = () => import('@tianbao/reports');

async function readAttachment(hash: string): Promise<Uint8Array | undefined> {
  const blob = await attachmentsDb.blobs.get(hash);
  return blob ? new Uint8Array(await blob.data.arrayBuffer()) : undefined;
}

/**
 * 本周报送: pick a reporting period (this week by default), see its activities, figures and photos, with
 * every photo or video that misses the notice's format and why; one click downloads the Word report and the
 * media in one zip. A month (南粤行-style 月报) or any dates work the same way.
 */
export function ReportPackTab() {
  const { session, template, ready } = useOpenLog();
  const rev = useLogRevision();
  const { schedule, periods } = useSchedule();
  const [choice, setChoice] = useState('');
  const [range, setRange] = useState({ from: '', to: '' });
  const [loaded, setLoaded] = useState(false);
  const [media, setMedia] = useState<PeriodMedia[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void ready.then(() => setLoaded(true));
  }, [ready]);

  const current = currentPeriod(periods, localToday());
  const period: ReportingPeriod | undefined =
    choice === 'custom'
      ? range.from && range.to && range.from <= range.to
        ? customPeriod(schedule, range.from, range.to)
        : undefined
      : (periods.find((p) => p.id === choice) ?? current);
  const keys = useMemo(
    () => (template?.kind === 'statistics' ? template.slots.map((s) => `${template.id}/${s.id}`) : []),
    [template],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const entries = useMemo(
    () => (loaded && period ? session.log.listEntries({ from: period.from, to: period.to }) : []),
    [loaded, period?.from, period?.to, session, rev],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const figures = useMemo(() => {
    if (!period || !template) return [];
    const now = session.log.statistics(keys, { from: period.from, to: period.to });
    const total = new Map(session.log.statistics(keys, period.cumulative).map((s) => [s.key, s]));
    const slots = new Map(template.slots.map((s) => [`${template.id}/${s.id}`, s]));
    return now
      .filter((s) => typeof s.value === 'number' || s.manualSetAside)
      .map((s) => ({ stat: s, slot: slots.get(s.key), total: total.get(s.key)?.value ?? null }));
  }, [period?.id, keys, template, session, rev]);

  const hints = schedule.media;
  useEffect(() => {
    if (!loaded) return;
    let live = true;
    setMedia(null);
    void reports()
      .then((r) => r.collectPeriodMedia(entries, hints, (ref) => readAttachment(ref.hash)))
      .then((m) => live && setMedia(m))
      .catch((err) => live && setError(userMessage(err)));
    return () => {
      live = false;
    };
  }, [entries, hints, loaded]);

  const make = async () => {
    if (!period) return;
    setBusy(true);
    setMessage('');
    setError('');
    try {
      const r = await reports();
      const pack = await r.buildPeriodPack({
        log: session.log,
        ...(template && { template }),
        period,
        hints,
        deadlines: schedule.deadlines,
        read: (ref) => readAttachment(ref.hash),
      });
      downloadBytes(pack.zip, pack.zipName, 'application/zip');
      const packed = pack.media.filter((m) => m.bytes).length;
      setMessage(`已生成“${pack.zipName}”：Word 文档和 ${packed} 个照片视频，请在浏览器的下载内容中查看。`);
    } catch (err) {
      setError(`生成失败：${userMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const bad = media?.filter((m) => m.problems.length) ?? [];
  const setAside = figures.filter((f) => f.stat.manualSetAside).length;
  return (
    <section className="tab report-pack">
      <div className="toolbar">
        <label className="inline">
          报送区间
          <select
            aria-label="报送区间"
            value={choice || current?.id || ''}
            onChange={(e) => setChoice(e.target.value)}
          >
            <PeriodOptions periods={periods} current={current} />
            <option value="custom">自选日期…</option>
          </select>
        </label>
        {choice === 'custom' ? (
          <>
            <input
              type="date"
              aria-label="开始日期"
              value={range.from}
              onChange={(e) => setRange({ ...range, from: e.target.value })}
            />
            至
            <input
              type="date"
              aria-label="结束日期"
              value={range.to}
              onChange={(e) => setRange({ ...range, to: e.target.value })}
            />
          </>
        ) : null}
        <button
          type="button"
          className="primary"
          disabled={!period || busy || !loaded}
          onClick={() => void make()}
        >
          {busy ? '正在生成…' : '生成报送材料（.zip）'}
        </button>
      </div>
      <p className="muted">
        每周按{PERIOD_MODE_ZH[schedule.periodMode].split('、')[0]}统计，可在
        <a href="#deadlines">“截止日期”</a>中更改。
        {period ? ` 累计：${describeRange(period.cumulative)}。` : ' 请选择开始和结束日期。'}
      </p>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {error ? (
        <p className="error-banner" role="alert">
          <ErrorText message={error} />
        </p>
      ) : null}
      {period ? (
        <>
          <h3 className="section-title">
            {period.label}的活动（{loaded ? entries.length : '…'} 项）
          </h3>
          {!loaded ? (
            <p className="loading">正在读取活动台账…</p>
          ) : entries.length ? (
            <table className="list">
              <thead>
                <tr>
                  <th>日期</th>
                  <th>活动名称</th>
                  <th>地点</th>
                  <th>主办单位</th>
                  <th>照片视频</th>
                </tr>
              </thead>
              <tbody>
                {[...entries].reverse().map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{dayText(e.date)}</td>
                    <td>{e.title}</td>
                    <td>{e.location}</td>
                    <td>{e.organizer}</td>
                    <td className="num">{e.attachments.length || ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="empty">这段时间没有记录活动。</p>
          )}
          <h3 className="section-title">照片和视频（{media ? media.length : '…'} 个）</h3>
          {bad.length ? (
            <p className="hint-box" role="status">
              {bad.length} 个文件不符合格式要求，下载前请先看原因；它们仍会打包，并列在 Word 文档的附录中。
            </p>
          ) : null}
          {media?.length ? (
            <table className="list media-check">
              <thead>
                <tr>
                  <th>打包后的文件名</th>
                  <th>原文件</th>
                  <th>格式</th>
                  <th>检查结果</th>
                </tr>
              </thead>
              <tbody>
                {media.map((m) => (
                  <tr key={`${m.entryId}-${m.ref.hash}`}>
                    <td>{m.fileName}</td>
                    <td>{m.ref.name}</td>
                    <td className="nowrap">
                      {m.info?.format}
                      {m.info?.width ? ` ${m.info.width}×${m.info.height}` : ''}
                    </td>
                    <td className={m.problems.length ? 'problem-text' : ''}>
                      {m.problems.length ? m.problems.join('；') : <span className="tag ok">符合要求</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : media ? (
            <p className="empty">这段时间的活动没有照片和视频（可在“附件”中添加）。</p>
          ) : null}
          <h3 className="section-title">本期{TERM.table}数据</h3>
          {figures.length ? (
            <table className="list">
              <thead>
                <tr>
                  <th>{TERM.blank}</th>
                  <th className="num">本期</th>
                  <th className="num">累计</th>
                </tr>
              </thead>
              <tbody>
                {figures
                  .filter((f) => f.stat.value !== null)
                  .map((f) => (
                    <tr key={f.stat.key} title={f.stat.explanation}>
                      <td>{f.slot ? slotTitle(f.slot) : f.stat.key}</td>
                      <td className="num">{String(f.stat.value)}</td>
                      <td className="num">{f.total === null ? '—' : String(f.total)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : (
            <p className="empty">这段时间没有计入{TERM.table}的数。</p>
          )}
          {setAside ? (
            <p className="muted">
              {setAside} 项是{TERM.manual}的整个活动的数，不按日期拆分，未计入本期和累计（在“统计表”中查看）。
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
