import type { FormProgress } from '@tianbao/autofill';
import type { StepLogs } from '../utils/form-steps';

/**
 * A multi-step form (下一步) or a paginated table (分页): which step or page is shown, what was filled on
 * each one seen, and how many blanks are still ahead. The person moves on: the extension never presses
 * 下一步, a page number, 提交 or 保存, since on a portal those may check, save or send the report.
 */
export function StepProgress(props: { progress: FormProgress; logs: StepLogs; remaining: number }) {
  const { progress, logs, remaining } = props;
  const word = progress.kind === 'steps' ? '步' : '页';
  const count = Math.max(progress.total, progress.current, ...logs.keys());
  const title = (n: number) => {
    const t = progress.titles[n - 1];
    return t ? `「${t}」` : '';
  };
  const items = Array.from({ length: count }, (_, i) => i + 1);
  return (
    <section
      className="step-progress"
      aria-label={progress.kind === 'steps' ? '分步填写' : '分页填写'}
      data-current={progress.current}
      data-remaining={remaining}
    >
      <p>
        <strong>
          {progress.kind === 'steps' ? '分步表单' : '分页表格'}：当前第 {progress.current} {word}
          {progress.total ? `（共 ${progress.total} ${word}）` : ''}
          {title(progress.current)}
        </strong>
      </p>
      <ul className="step-list">
        {items.map((n) => {
          const log = logs.get(n);
          const state = !log
            ? '还没打开'
            : `已填 ${log.filled.size} 项${log.unsure.size ? `，需确认 ${log.unsure.size} 项` : ''}`;
          return (
            <li key={n} data-step={n} aria-current={n === progress.current ? 'step' : undefined}>
              第 {n} {word}
              {title(n)}：{state}
            </li>
          );
        })}
      </ul>
      <p className={remaining ? 'warn-text' : undefined}>
        {remaining
          ? `还有 ${remaining} 项有数据的空没有在已打开的${word}中出现，可能在后面的${word}。`
          : `有数据的空都已在打开过的${word}中出现。`}
      </p>
      <p className="muted small-text">
        {progress.kind === 'steps'
          ? '请核对本步填写的内容，然后自己在网页上点击「下一步」。'
          : '请核对本页填写的内容，然后自己在网页上翻到下一页。'}
        填报助手不会替您点击「下一步」、页码、「提交」或「保存」：这些按钮在门户上可能会校验、保存或上报。
        翻到新的{word}后，已匹配的项会自动填写；回到前面的{word}时，已填的内容不会被清除或重复填写。
      </p>
    </section>
  );
}
