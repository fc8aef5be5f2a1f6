import type { Role } from '@tianbao/core';
import { encodeJoinLink } from '@tianbao/core';
import { useCallback, useEffect, useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { formatTime } from '../utils/format';
import { userMessage } from '../utils/input-errors';
import { createInvitation, type InvitationInfo, listInvitations, revokeInvitation } from '../utils/relay-api';
import { ErrorText } from './error-text';
import { ROLE_ZH } from './members-panel';
import { QrCode } from './qr-code';

const DAY = 24 * 3600 * 1000;
const EXPIRY: [string, number | null][] = [
  ['不过期', null],
  ['1 天', DAY],
  ['7 天', 7 * DAY],
  ['30 天', 30 * DAY],
];

const state = (i: InvitationInfo, now: number) =>
  i.revokedAt !== null
    ? ['已撤销', 'danger']
    : i.expiresAt !== null && i.expiresAt <= now
      ? ['已过期', 'warn']
      : ['有效', 'ok'];

/**
 * 邀请同事 (管理员): a link and QR code for 编辑 or 只读, with an optional expiry. The link carries a code
 * the colleague exchanges with their name for access of their own; the relay keeps only its hash, so a
 * link is shown once, when it is made. Revoking an invitation stops new joins; members keep theirs.
 */
export function InvitationsPanel(props: { onChange: () => void }) {
  const { sync, record } = useOpenLog();
  const link = sync.current();
  const [role, setRole] = useState<Role>('editor');
  const [expiry, setExpiry] = useState(0);
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<{ url: string; role: Role; expiresAt: number | null } | null>(null);
  const [list, setList] = useState<InvitationInfo[]>([]);
  const [error, setError] = useState('');
  const [copied, setCopied] = useState(false);

  const load = useCallback(async () => {
    if (!link) return;
    try {
      setList((await listInvitations(link)).invitations);
    } catch (err) {
      setError(userMessage(err));
    }
  }, [link]);
  useEffect(() => {
    void load();
  }, [load]);

  const make = async () => {
    if (!link) return;
    setError('');
    setCopied(false);
    try {
      const ttl = EXPIRY[expiry]?.[1] ?? null;
      const inv = await createInvitation(link, role, ttl ? Date.now() + ttl : null, label.trim());
      const url = encodeJoinLink({
        relayUrl: link.relayUrl,
        unitId: link.unitId,
        code: inv.code,
        role,
        unitName: link.unitName ?? '',
        logId: record.logId,
      });
      setMade({ url, role, expiresAt: inv.expiresAt });
      setLabel('');
      await load();
      props.onChange();
    } catch (err) {
      setError(userMessage(err));
    }
  };

  const revoke = async (id: string) => {
    if (!link) return;
    try {
      await revokeInvitation(link, id);
      await load();
    } catch (err) {
      setError(userMessage(err));
    }
  };

  const now = Date.now();
  return (
    <>
      <h3>邀请同事</h3>
      <div className="toolbar">
        <label className="inline">
          权限{' '}
          <select aria-label="邀请的权限" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="editor">编辑（可以记录和修改）</option>
            <option value="viewer">只读（只能查看）</option>
          </select>
        </label>
        <label className="inline">
          有效期{' '}
          <select aria-label="有效期" value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
            {EXPIRY.map(([text], i) => (
              <option key={text} value={i}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <input
          aria-label="备注"
          placeholder="备注（例如：办公室）"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="button" className="primary" onClick={() => void make()}>
          生成邀请
        </button>
      </div>
      {error ? (
        <p className="field-message">
          <ErrorText message={error} />
        </p>
      ) : null}
      {made ? (
        <div className="invite-made">
          <QrCode text={made.url} label="邀请二维码" />
          <div>
            <p>
              {ROLE_ZH[made.role]}邀请
              {made.expiresAt ? `，${formatTime(made.expiresAt)} 前有效` : '，不过期'}
              。把链接或二维码发给同事，对方在“开始使用”页粘贴链接并填写姓名即可加入。
            </p>
            <textarea className="share" rows={3} readOnly value={made.url} aria-label="邀请链接" />
            <div className="form-actions">
              <button
                type="button"
                onClick={() => void navigator.clipboard.writeText(made.url).then(() => setCopied(true))}
              >
                复制链接
              </button>
              {copied ? <span className="tag ok">已复制</span> : null}
              <span className="muted">链接只在此时显示一次，关闭后请重新生成。</span>
            </div>
          </div>
        </div>
      ) : null}
      {list.length ? (
        <table className="list" aria-label="邀请">
          <thead>
            <tr>
              <th>生成时间</th>
              <th>权限</th>
              <th>备注</th>
              <th>有效期至</th>
              <th>状态</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => {
              const [text, tone] = state(i, now);
              return (
                <tr key={i.id}>
                  <td className="nowrap">{formatTime(i.createdAt)}</td>
                  <td>{ROLE_ZH[i.role]}</td>
                  <td>{i.label}</td>
                  <td className="nowrap">{i.expiresAt ? formatTime(i.expiresAt) : '不过期'}</td>
                  <td>
                    <span className={`tag ${tone}`}>{text}</span>
                  </td>
                  <td>
                    {text === '有效' ? (
                      <button type="button" className="link danger" onClick={() => void revoke(i.id)}>
                        撤销邀请
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
