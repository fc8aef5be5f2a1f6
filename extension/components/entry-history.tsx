import type { Entry } from '@tianbao/core';
import { useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { fieldName, formatTime, formatValue } from '../utils/format';
import { userMessage } from '../utils/input-errors';
import { ErrorText } from './error-text';

const TEXT = ['date', 'title', 'kind', 'location', 'organizer', 'partners', 'description'];

/** The value a history field has now, to tell which rows can be put back; undefined for keys that cannot. */
function currentOf(e: Entry, field: string): { value: unknown } | undefined {
  if (TEXT.includes(field)) return { value: e[field as keyof Entry] ?? '' };
  if (field.startsWith('c:')) return { value: e.contributions[field.slice(2)] };
  if (field === 'attachments') return { value: e.attachments };
  if (field === 'highlight') return { value: !!e.highlight };
  if (field === 'deleted') return { value: e.deletedAt !== undefined };
  return undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** History keeps a deletion as a [who, when] stamp (or null when restored). */
const normal = (field: string, v: unknown) =>
  field === 'deleted' ? Boolean(v) : field === 'highlight' ? v === true : v;

/**
 * Who changed which field when; writes that lost to a colleague's at the same time are marked. Every
 * earlier value can be put back (恢复此值), as an ordinary edit that syncs and shows here in turn.
 */
export function EntryHistory(props: { id: string }) {
  const { session, template } = useOpenLog();
  useLogRevision();
  const [message, setMessage] = useState('');
  const events = session.log.entryHistory(props.id);
  const entry = session.log.getEntry(props.id);
  const restore = (field: string, value: unknown) => {
    try {
      session.log.restoreEntryValue(props.id, field, value);
      setMessage(`已把${fieldName(field, template)}恢复为“${formatValue(normal(field, value))}”。`);
    } catch (err) {
      setMessage(userMessage(err));
    }
  };
  return (
    <>
      {message ? (
        <p className="notice" role="status">
          <ErrorText message={message} />
        </p>
      ) : null}
      <table className="history">
        <thead>
          <tr>
            <th>时间</th>
            <th>修改人</th>
            <th>字段</th>
            <th>内容</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {events.map((h) => {
            const now = entry && currentOf(entry, h.field);
            const value = normal(h.field, h.value);
            return (
              <tr key={h.id} className={h.lost ? 'lost' : ''}>
                <td>{formatTime(h.at)}</td>
                <td>{h.by}</td>
                <td>{fieldName(h.field, template)}</td>
                <td>
                  {h.field === 'deleted' ? (value ? '删除' : '恢复') : formatValue(h.value)}
                  {h.lost ? <span className="tag warn">同时修改，未采用</span> : null}
                </td>
                <td>
                  {now && !same(now.value, value) ? (
                    <button type="button" className="link" onClick={() => restore(h.field, h.value)}>
                      恢复此值
                    </button>
                  ) : now ? (
                    <span className="muted">当前值</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
