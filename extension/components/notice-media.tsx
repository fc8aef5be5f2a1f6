import type { MediaHint } from '@tianbao/templates';
import { type NoticeDraft, replaceAt } from '../utils/notice-draft';

const KINDS: Record<MediaHint['kind'], string> = {
  video: '视频',
  image: '图片',
  text: '文字',
  other: '其他',
};

const positive = (v: string) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** What photos and videos must be (format, resolution), as the notice asks. */
export function NoticeMedia(props: { draft: NoticeDraft; onChange: (draft: NoticeDraft) => void }) {
  const { draft, onChange } = props;
  const set = (i: number, value: MediaHint, use: boolean) =>
    onChange({ ...draft, media: replaceAt(draft.media, i, { value, use }) });
  const without = (h: MediaHint, k: 'width' | 'height') => {
    const { [k]: _, ...rest } = h;
    return rest;
  };
  return (
    <section className="review-section">
      <h3>图片和视频要求</h3>
      {draft.media.length === 0 ? <p className="muted">通知里没有对图片、视频格式的要求。</p> : null}
      {draft.media.map(({ value: h, use }, i) => {
        const label = `${KINDS[h.kind]}要求 ${i + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: hints have no id; the list only grows at its end
          <div key={i} className={`review-row${use ? '' : ' dropped'}`}>
            <input
              type="checkbox"
              checked={use}
              aria-label={`需要：${label}`}
              onChange={(e) => set(i, h, e.target.checked)}
            />
            <select
              aria-label={`${label} 类型`}
              value={h.kind}
              onChange={(e) => set(i, { ...h, kind: e.target.value as MediaHint['kind'] }, use)}
            >
              {Object.entries(KINDS).map(([k, name]) => (
                <option key={k} value={k}>
                  {name}
                </option>
              ))}
            </select>
            <input
              aria-label={`${label} 格式`}
              placeholder="格式，如 MP4"
              defaultValue={h.formats.join('、')}
              onBlur={(e) =>
                set(
                  i,
                  {
                    ...h,
                    formats: e.target.value
                      .split(/[,，、\s/]+/u)
                      .filter(Boolean)
                      .map((f) => f.toUpperCase()),
                  },
                  use,
                )
              }
            />
            <input
              className="day"
              inputMode="numeric"
              aria-label={`${label} 宽`}
              placeholder="宽"
              value={h.width ?? ''}
              onChange={(e) => {
                const n = positive(e.target.value);
                set(i, n ? { ...h, width: n } : without(h, 'width'), use);
              }}
            />
            ×
            <input
              className="day"
              inputMode="numeric"
              aria-label={`${label} 高`}
              placeholder="高"
              value={h.height ?? ''}
              onChange={(e) => {
                const n = positive(e.target.value);
                set(i, n ? { ...h, height: n } : without(h, 'height'), use);
              }}
            />
            <label className="inline">
              <input
                type="checkbox"
                checked={h.minimum === true}
                onChange={(e) => set(i, { ...h, minimum: e.target.checked }, use)}
              />
              不低于
            </label>
            <span className="source-text">{h.source}</span>
          </div>
        );
      })}
      <button
        type="button"
        className="small"
        onClick={() =>
          onChange({
            ...draft,
            media: [
              ...draft.media,
              { value: { kind: 'image', formats: ['JPG'], source: '本单位添加' }, use: true },
            ],
          })
        }
      >
        ＋ 添加要求
      </button>
    </section>
  );
}
