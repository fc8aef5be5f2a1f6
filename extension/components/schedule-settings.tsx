import { dayText, PERIOD_MODE_ZH, type PeriodMode } from '@tianbao/core';
import type { MediaHint } from '@tianbao/templates';
import { useState } from 'react';
import { useDraft } from '../hooks/use-draft';
import { useOpenLog } from '../hooks/use-log';
import { useSchedule } from '../hooks/use-schedule';
import { userMessage } from '../utils/input-errors';
import { ErrorText } from './error-text';

const MODES: PeriodMode[] = ['natural', 'before-deadline'];
const SIZE_NAMES = { photoW: '照片宽', photoH: '照片高', videoW: '视频宽', videoH: '视频高' };

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
  // The sizes as the log has them now (a colleague may change them); only what is typed here is kept apart.
  const draft = useDraft({
    photoW: String(image?.width ?? 1920),
    photoH: String(image?.height ?? 1080),
    videoW: String(video?.width ?? 1920),
    videoH: String(video?.height ?? 1080),
  });
  const sizes = draft.values;
  const [error, setError] = useState('');
  const describe = (h: MediaHint | undefined, what: string) =>
    h
      ? `${what}${h.formats.join('/') || '格式不限'}${h.width ? `，分辨率${h.minimum ? '不低于' : ''}${h.width}×${h.height}` : ''}`
      : `${what}不检查`;
  const save = () => {
    const n = (s: string) => Number(s);
    const ok = [sizes.photoW, sizes.photoH, sizes.videoW, sizes.videoH].every(
      (s) => Number.isInteger(n(s)) && n(s) > 0 && n(s) < 20000,
    );
    if (!ok) return setError('分辨率请填像素数，例如 1920 和 1080');
    try {
      session.log.setMediaRequirements([
        {
          kind: 'image',
          formats: ['JPG'],
          width: n(sizes.photoW),
          height: n(sizes.photoH),
          minimum: true,
          source: '本单位设置',
        },
        {
          kind: 'video',
          formats: ['MP4'],
          width: n(sizes.videoW),
          height: n(sizes.videoH),
          source: '本单位设置',
        },
      ]);
      draft.clear();
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
        <button
          type="button"
          className="link"
          onClick={() => {
            // Closing without saving drops what was typed: reopening shows the sizes the log has.
            if (editing) draft.clear();
            setEditing(!editing);
          }}
        >
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
          <SizeInputs
            label="照片（JPG）不低于"
            what="照片"
            size={{ w: sizes.photoW, h: sizes.photoH }}
            onChange={(which, v) => draft.set(which === 'w' ? 'photoW' : 'photoH', v)}
          />
          <SizeInputs
            label="视频（MP4）"
            what="视频"
            size={{ w: sizes.videoW, h: sizes.videoH }}
            onChange={(which, v) => draft.set(which === 'w' ? 'videoW' : 'videoH', v)}
          />
          <button type="button" className="primary" onClick={save}>
            保存
          </button>
          {draft.changed.length ? (
            <span className="field-note" role="status">
              同事已改为{draft.changed.map((c) => `${SIZE_NAMES[c.field]} ${c.theirs}`).join('、')}
              ，保存时以您填的为准。
              <button
                type="button"
                className="link"
                onClick={() => {
                  for (const c of draft.changed) draft.takeTheirs(c.field);
                }}
              >
                改用同事的
              </button>
            </span>
          ) : null}
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
  onChange: (which: 'w' | 'h', value: string) => void;
}) {
  const { size } = props;
  return (
    <label className="inline">
      {props.label}
      <input
        aria-label={`${props.what}宽`}
        className="short"
        value={size.w}
        onChange={(e) => props.onChange('w', e.target.value)}
      />
      ×
      <input
        aria-label={`${props.what}高`}
        className="short"
        value={size.h}
        onChange={(e) => props.onChange('h', e.target.value)}
      />
    </label>
  );
}
