import { useOpenLog } from '../hooks/use-log';
import { fieldName, formatTime, formatValue } from '../utils/format';

/** Who changed which field when; writes that lost to a colleague's at the same time are marked. */
export function EntryHistory(props: { id: string }) {
  const { session } = useOpenLog();
  const events = session.log.entryHistory(props.id);
  return (
    <table className="history">
      <thead>
        <tr>
          <th>时间</th>
          <th>修改人</th>
          <th>字段</th>
          <th>内容</th>
        </tr>
      </thead>
      <tbody>
        {events.map((h) => (
          <tr key={h.id} className={h.lost ? 'lost' : ''}>
            <td>{formatTime(h.at)}</td>
            <td>{h.by}</td>
            <td>{fieldName(h.field)}</td>
            <td>
              {formatValue(h.value)}
              {h.lost ? <span className="tag warn">同时修改，未采用</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
