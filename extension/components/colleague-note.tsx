import type { ColleagueChange } from '../utils/draft-edits';

/**
 * Beside a field a colleague saved while this person was typing in it: their value stays (saving writes
 * it), and the colleague's is named with a way to take it, so neither is replaced without anyone seeing.
 */
export function ColleagueNote<T>(props: {
  change: ColleagueChange<T> | undefined;
  /** How to show the colleague's value (e.g. masked); as it is when absent. */
  show?: ((v: string) => string) | undefined;
  onTake: () => void;
}) {
  const { change } = props;
  if (!change) return null;
  const theirs = String(change.theirs ?? '');
  return (
    <span className="field-note" role="status">
      {theirs ? `同事已改为“${props.show ? props.show(theirs) : theirs}”` : '同事已清空此项'}
      ，保存时以您填的为准。
      <button type="button" className="link" onClick={props.onTake}>
        改用同事的
      </button>
    </span>
  );
}
