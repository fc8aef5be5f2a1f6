import type { RelayStatus } from '@tianbao/core';
import { useEffect, useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { formatTime } from '../utils/format';
import { userMessage } from '../utils/input-errors';

const STATUS: Record<RelayStatus | 'syncing', [string, string]> = {
  online: ['在线', 'ok'],
  syncing: ['同步中', 'warn'],
  connecting: ['正在连接', 'warn'],
  offline: ['离线（修改已保存在本机，联网后自动同步）', 'warn'],
  refused: ['同步服务拒绝了连接', 'danger'],
};

const REFUSALS: Record<string, string> = {
  'invalid-token': '邀请无效，请向管理员索取新的邀请。',
  'token-revoked': '管理员已停止您的同步权限。本机的记录仍然保留；如需继续同步，请向管理员索取新的邀请。',
  forbidden: '这个邀请不属于本单位的台账。',
  'document-load-failed': '同步服务暂时读不出这本台账，请联系管理员。',
};

/** 成员与同步: connect the log to the unit's relay, see who is online, and invite colleagues. */
export function SyncTab() {
  const { sync } = useOpenLog();
  const [, setRev] = useState(0);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => sync.onChange(() => setRev((r) => r + 1)), [sync]);
  // Presence and "last synced" change without log changes: refresh now and then.
  useEffect(() => {
    const t = setInterval(() => setRev((r) => r + 1), 2000);
    return () => clearInterval(t);
  }, []);
  const conn = sync.connection();
  const link = sync.current();

  const connect = async () => {
    setError('');
    try {
      await sync.connect(text);
      setText('');
    } catch (err) {
      setError(userMessage(err));
    }
  };

  if (!conn || !link)
    return (
      <section className="tab narrow">
        <p>
          本台账目前只保存在这台电脑上。连接单位的同步服务后，同事们的修改会实时合并，离线时的修改联网后自动同步。
        </p>
        <label className="field field-wide">
          <span className="field-label">管理员发来的邀请</span>
          <textarea
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="tianbao://…"
          />
          {error ? <span className="field-message">{error}</span> : null}
        </label>
        <div className="form-actions">
          <button type="button" className="primary" disabled={!text.trim()} onClick={() => void connect()}>
            连接同步服务
          </button>
        </div>
        <p className="muted">没有同步服务的单位，可以在“文件交换”中用文件交换记录。</p>
      </section>
    );

  const state: RelayStatus | 'syncing' =
    conn.status() === 'online' && !conn.settled() ? 'syncing' : conn.status();
  const [label, tone] = STATUS[state];
  const peers = conn.peers();
  const share = sync.shareText();
  return (
    <section className="tab narrow">
      <dl className="facts">
        <dt>状态</dt>
        <dd>
          <span className={`tag ${tone}`} role="status">
            {label}
          </span>
          {state === 'refused' ? (
            <span className="field-message"> {REFUSALS[conn.refusal() ?? ''] ?? conn.refusal()}</span>
          ) : null}
        </dd>
        <dt>上次同步</dt>
        <dd>{conn.lastSyncedAt() ? formatTime(conn.lastSyncedAt() as number) : '尚未同步'}</dd>
        <dt>同步服务</dt>
        <dd className="muted">
          {link.relayUrl}（{link.role === 'viewer' ? '只读' : link.role === 'admin' ? '管理员' : '可编辑'}）
        </dd>
      </dl>
      <h3>现在在线的同事（{peers.length}）</h3>
      {peers.length ? (
        <ul className="peers">
          {peers.map((p) => (
            <li key={p.clientId}>
              <strong>{p.user}</strong> <span className="muted">{p.editing ?? ''}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">暂时没有其他人在线。</p>
      )}
      {share ? (
        <>
          <h3>邀请同事</h3>
          <p className="muted">把下面的邀请发给同事，对方在“开始使用”页粘贴即可加入这本台账。</p>
          <textarea className="share" rows={3} readOnly value={share} aria-label="邀请同事" />
          <div className="form-actions">
            <button
              type="button"
              onClick={() => void navigator.clipboard.writeText(share).then(() => setCopied(true))}
            >
              复制邀请
            </button>
            {copied ? <span className="tag ok">已复制</span> : null}
          </div>
        </>
      ) : null}
      <div className="form-actions">
        <button type="button" className="link danger" onClick={() => void sync.disconnect()}>
          断开同步（本机记录保留）
        </button>
      </div>
    </section>
  );
}
