import type { RelayStatus } from '@tianbao/core';
import { useEffect, useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { formatTime } from '../utils/format';
import { InvitationsPanel } from './invitations-panel';
import { MembersPanel, ROLE_ZH } from './members-panel';
import { RelayConnect } from './relay-connect';

const STATUS: Record<RelayStatus | 'syncing', [string, string]> = {
  online: ['在线', 'ok'],
  syncing: ['同步中', 'warn'],
  connecting: ['正在连接', 'warn'],
  offline: ['离线（修改已保存在本机，联网后自动同步）', 'warn'],
  refused: ['同步服务拒绝了连接', 'danger'],
};

const REFUSALS: Record<string, string> = {
  'invalid-token': '邀请无效，请向管理员索取新的邀请。',
  'token-revoked':
    '管理员已停止您的同步权限。本机的记录仍然保留，但之后的修改不会再同步给同事；如需继续，请向管理员索取新的邀请。',
  forbidden: '这个邀请不属于本单位的台账。',
  'document-load-failed': '同步服务暂时读不出这本台账，请联系管理员。',
};

/** 成员与同步: connect the log to the unit's relay, see who is online and doing what, invite and manage members. */
export function SyncTab() {
  const { sync } = useOpenLog();
  const [tick, setTick] = useState(0);
  useEffect(() => sync.onChange(() => setTick((r) => r + 1)), [sync]);
  // Members' online state and "last synced" change without any log change: refresh now and then.
  useEffect(() => {
    const t = setInterval(() => setTick((r) => r + 1), 5000);
    return () => clearInterval(t);
  }, []);
  const conn = sync.connection();
  const link = sync.current();
  if (!conn || !link) return <RelayConnect />;

  const state: RelayStatus | 'syncing' =
    conn.status() === 'online' && !conn.settled() ? 'syncing' : conn.status();
  const [label, tone] = STATUS[state];
  const refusal =
    state === 'refused' ? (REFUSALS[conn.refusal() ?? ''] ?? '同步服务拒绝了连接，请联系管理员。') : '';
  const admin = link.role === 'admin';
  return (
    <section className="tab narrow">
      <dl className="facts">
        <dt>状态</dt>
        <dd>
          <span className={`tag ${tone}`} role="status">
            {label}
          </span>
          {refusal ? <p className="error-banner">{refusal}</p> : null}
        </dd>
        <dt>上次同步</dt>
        <dd>{conn.lastSyncedAt() ? formatTime(conn.lastSyncedAt() as number) : '尚未同步'}</dd>
        <dt>同步服务</dt>
        <dd className="muted">
          {link.httpUrl}（您的权限：{ROLE_ZH[link.role ?? 'editor']}）
        </dd>
      </dl>
      {refusal ? null : <MembersPanel admin={admin} refresh={tick} />}
      {admin && !refusal ? <InvitationsPanel onChange={() => setTick((r) => r + 1)} /> : null}
      {!admin && !refusal ? <p className="muted">需要邀请其他同事时，请联系本单位的管理员。</p> : null}
      <div className="form-actions">
        <button type="button" className="link danger" onClick={() => void sync.disconnect()}>
          断开同步（本机记录保留）
        </button>
      </div>
    </section>
  );
}
