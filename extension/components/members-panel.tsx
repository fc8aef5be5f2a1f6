import type { Peer } from '@tianbao/core';
import { useCallback, useEffect, useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { formatTime } from '../utils/format';
import { userMessage } from '../utils/input-errors';
import { listMembers, type Member, revokeMember } from '../utils/relay-api';
import { ErrorText } from './error-text';

export const ROLE_ZH = { admin: '管理员', editor: '编辑', viewer: '只读' } as const;

/** What a colleague is doing now, from their presence (the activity they have open, or the page). */
const activity = (p: Peer | undefined) => p?.editing ?? '';

/**
 * The unit's members. A 管理员 sees everyone the relay knows (name, role, last seen, online now) and can
 * stop a member's access; everyone sees who is online and which activity they have open.
 */
export function MembersPanel(props: { admin: boolean; refresh: number }) {
  const { sync } = useOpenLog();
  const link = sync.current();
  const peers = sync.connection()?.peers() ?? [];
  const [members, setMembers] = useState<Member[] | null>(null);
  const [you, setYou] = useState('');
  const [error, setError] = useState('');
  const [confirm, setConfirm] = useState<Member | null>(null);

  const load = useCallback(async () => {
    if (!link || !props.admin) return;
    try {
      const r = await listMembers(link);
      setMembers(r.members);
      setYou(r.you);
      setError('');
    } catch (err) {
      setError(userMessage(err));
    }
  }, [link, props.admin]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh is the parent's tick (presence changes)
  useEffect(() => {
    void load();
  }, [load, props.refresh]);

  const revoke = async (m: Member) => {
    if (!link) return;
    setConfirm(null);
    try {
      await revokeMember(link, m.id);
      await load();
    } catch (err) {
      setError(userMessage(err));
    }
  };

  if (!props.admin)
    return (
      <>
        <h3>现在在线的同事（{peers.length}）</h3>
        {peers.length ? (
          <ul className="peers">
            {peers.map((p) => (
              <li key={p.clientId}>
                <strong>{p.user}</strong> <span className="muted">{activity(p)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">暂时没有其他人在线。</p>
        )}
      </>
    );

  const live = (members ?? []).filter((m) => m.revokedAt === null);
  const revoked = (members ?? []).filter((m) => m.revokedAt !== null);
  return (
    <>
      <h3>成员（{live.length}）</h3>
      {error ? (
        <p className="field-message">
          <ErrorText message={error} />
        </p>
      ) : null}
      <table className="list members" aria-label="成员">
        <thead>
          <tr>
            <th>姓名</th>
            <th>权限</th>
            <th>状态</th>
            <th>正在做什么</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {[...live, ...revoked].map((m) => {
            const here = peers.filter((p) => p.memberId === m.id);
            const isYou = m.id === you;
            return (
              <tr key={m.id} className={m.revokedAt !== null ? 'revoked' : ''}>
                <td>
                  {m.name || '（未署名）'}
                  {isYou ? <span className="muted">（您）</span> : null}
                </td>
                <td>{ROLE_ZH[m.role]}</td>
                <td className="nowrap">
                  {m.revokedAt !== null ? (
                    <span className="tag danger">已停用 {formatTime(m.revokedAt)}</span>
                  ) : m.online || here.length || isYou ? (
                    <span className="tag ok">在线</span>
                  ) : m.lastSeenAt ? (
                    <span className="muted">上次在线 {formatTime(m.lastSeenAt)}</span>
                  ) : (
                    <span className="muted">尚未连接</span>
                  )}
                </td>
                <td className="muted">{here.map(activity).filter(Boolean).join('；')}</td>
                <td className="nowrap">
                  {m.revokedAt === null && !isYou ? (
                    <button type="button" className="link danger" onClick={() => setConfirm(m)}>
                      停用
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {confirm ? (
        <p className="notice" role="alert">
          停用后，{confirm.name}{' '}
          的同步连接会立即断开，之后的修改不会再同步到单位台账（他电脑上的记录仍然保留）。
          <button type="button" className="small danger" onClick={() => void revoke(confirm)}>
            确定停用
          </button>
          <button type="button" className="small" onClick={() => setConfirm(null)}>
            取消
          </button>
        </p>
      ) : null}
    </>
  );
}
