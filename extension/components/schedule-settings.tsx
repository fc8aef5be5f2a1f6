import { dayText, PERIOD_MODE_ZH, type PeriodMode } from '@tianbao/core';
import type { MediaHint } from '@tianbao/templates';
import { useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { useSchedule } from '../hooks/use-schedule';
import { userMessage } from '../utils/input-errors';
import { ErrorText } from './error-text';

const MODES: PeriodMode[] = ['natural', 'before-deadline'];

/** 截止日期's settings for reporting periods: the campaign's dates, how a week is counted, the media format. */
export function ScheduleSettings(props: { onChanged: () => void }) {
  const { session } = useOpenLog();
  const { schedule } = useSchedule();
  const [error, setError] = useState('');
  const edit = (patch: Parameters<typeof session.log.editSchedule>[0]) => {
    try {
      session.log.editSchedule(patch);
      setError('');
      props.onChanged();
    } catch (err) {
      setError(userMessage(err));
    }
  };
  const from = schedule.from.campaign;
  return (
    <section className="schedule-settings">
      <h3 className="section-title">报送周期与统计区间</h3>
      <div className="toolbar">
        <label className="inline">
          活动开始
          <input
            type="date"
            aria-label="活动开始日期"
            value={schedule.campaign.start}
            onChange={(e) => e.target.value && edit({ campaignStart: e.target.value })}
          />
        </label>
        <label className="inline">
          活动结束
          <input
            type="date"
            aria-label="活动结束日期"
            value={schedule.campaign.end}
            onChange={(e) => e.target.value && edit({ campaignEnd: e.target.value })}
          />
        </label>
        <span className="muted">
          {from === 'unit'
            ? '本单位设置的日期'
            : from === 'notice'
              ? `取自通知${schedule.noticeYear ? `（${schedule.noticeYear}年的，已换成${schedule.year}年）` : ''}：${schedule.campaignSource ?? ''}`
              : `通知没有写明，按${dayText(schedule.campaign.start)}至${dayText(schedule.campaign.end)}`}
        </span>
        {from === 'unit' ? (
          <button
            type="button"
            className="link"
            onClick={() => edit({ campaignStart: null, campaignEnd: null })}
          >
            恢复为通知的日期
          </button>
        ) : null}
      </div>
      <fieldset className="period-mode">
        <legend>每周（每月）的统计区间</legend>
        {MODES.map((m) => (
          <label key={m} className="period-choice">
            <input
              type="radio"
              name="period-mode"
              checked={schedule.periodMode === m}
              onChange={() => edit({ periodMode: m })}
            />
            {PERIOD_MODE_ZH[m]}
            {m === 'natural' ? '（默认）' : ''}
          </label>
        ))}
        <p className="muted small-text">
          “本周”“本月”的数按活动日期落在哪个区间计算；“累计”为活动开始日到该区间最后一天的合计。
        </p>
      </fieldset>
      <MediaSettings
        hints={schedule.media}
        fromUnit={schedule.mediaFrom === 'unit'}
        onChanged={props.onChanged}
      />
      {error ? (
        <p className="error-banner">
          <ErrorText message={error} />
        </p>
      ) : null}
    </section>
  );
}

function MediaSettings(props: { hints: MediaHint[]; fromUnit: boolean; onChanged: () => void }) {
  const { session } = useOpenLog();
  const image = props.hints.find((h) => h.kind === 'image');
  const video = props.hints.find((h) => h.kind === 'video');
  const [editing, setEditing] = useState(false);
  const [photo, setPhoto] = useState({ w: String(image?.width ?? 1920), h: String(image?.height ?? 1080) });
  const [movie, setMovie] = useState({ w: String(video?.width ?? 1920), h: String(video?.height ?? 1080) });
  const [error, setError] = useState('');
  const describe = (h: MediaHint | undefined, what: string) =>
    h
      ? `${what}${h.formats.join('/') || '格式不限'}${h.width ? `，分辨率${h.minimum ? '不低于' : ''}${h.width}×${h.height}` : ''}`
      : `${what}不检查`;
  const save = () => {
    const n = (s: string) => Number(s);
    const ok = [photo.w, photo.h, movie.w, movie.h].every(
      (s) => Number.isInteger(n(s)) && n(s) > 0 && n(s) < 20000,
    );
    if (!ok) return setError('分辨率请填像素数，例如 1920 和 1080');
    try {
      session.log.setMediaRequirements([
        {
          kind: 'image',
          formats: ['JPG'],
          width: n(photo.w),
          height: n(photo.h),
          minimum: true,
          source: '本单位设置',
        },
        { kind: 'video', formats: ['MP4'], width: n(movie.w), height: n(movie.h), source: '本单位设置' },
      ]);
      setEditing(false);
      setError('');
      props.onChanged();
    } catch (err) {
      setError(userMessage(err));
    }
  };
  return (
    <div className="media-settings">
      <h3 className="section-title">照片和视频的格式要求</h3>
      <p>
        {describe(image, '照片：')}；{describe(video, '视频：')}
        <span className="muted">
          （{props.fromUnit ? '本单位设置' : props.hints.length ? '取自通知' : '通知没有要求'}）
        </span>{' '}
        <button type="button" className="link" onClick={() => setEditing(!editing)}>
          修改
        </button>
        {props.fromUnit ? (
          <button
            type="button"
            className="link"
            onClick={() => {
              session.log.setMediaRequirements(null);
              props.onChanged();
            }}
          >
            恢复为通知的要求
          </button>
        ) : null}
      </p>
      {editing ? (
        <div className="toolbar">
          <SizeInputs label="照片（JPG）不低于" what="照片" size={photo} onChange={setPhoto} />
          <SizeInputs label="视频（MP4）" what="视频" size={movie} onChange={setMovie} />
          <button type="button" className="primary" onClick={save}>
            保存
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="error-banner">
          <ErrorText message={error} />
        </p>
      ) : null}
    </div>
  );
}

function SizeInputs(props: {
  label: string;
  what: string;
  size: { w: string; h: string };
  onChange: (s: { w: string; h: string }) => void;
}) {
  const { size } = props;
  return (
    <label className="inline">
      {props.label}
      <input
        aria-label={`${props.what}宽`}
        className="short"
        value={size.w}
        onChange={(e) => props.onChange({ ...size, w: e.target.value })}
      />
      ×
      <input
        aria-label={`${props.what}高`}
        className="short"
        value={size.h}
        onChange={(e) => props.onChange({ ...size, h: e.target.value })}
      />
    </label>
  );
}
