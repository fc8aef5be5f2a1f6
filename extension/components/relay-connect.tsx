import { useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { userMessage } from '../utils/input-errors';
import { DEFAULT_RELAY } from '../utils/settings';
import { FormField } from './form-field';

/**
 * 成员与同步 before the log is on a relay: its creator gives the relay's address (the one `pnpm start`
 * runs, by default) and becomes the unit's 管理员; or pastes an invitation a 管理员 sent.
 */
export function RelayConnect() {
  const { sync } = useOpenLog();
  const [address, setAddress] = useState(DEFAULT_RELAY);
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [invitation, setInvitation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const run = async (what: 'register' | 'invitation') => {
    setErrors({});
    setBusy(true);
    try {
      if (what === 'register') await sync.register(address, code.trim() || undefined);
      else await sync.connect(invitation);
    } catch (err) {
      if ((err as { reason?: string }).reason === 'registration-code') setNeedCode(true);
      setErrors({ [what]: userMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="tab narrow">
      <p>
        本台账目前只保存在这台电脑上。连接单位的同步服务后，同事们的修改会实时合并，离线时的修改联网后自动同步。
      </p>
      <div className="card">
        <h3>把本台账连接到同步服务</h3>
        <p className="muted">连接后您就是本单位的管理员，可以在这里邀请同事、管理成员。</p>
        <FormField
          label="同步服务地址"
          error={errors.register}
          hint="单位同步服务的地址，一般由信息科或管理员提供"
        >
          <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="127.0.0.1:8787" />
        </FormField>
        {needCode ? (
          <FormField label="注册码" hint="同步服务启动时设置的注册码">
            <input value={code} onChange={(e) => setCode(e.target.value)} />
          </FormField>
        ) : null}
        <div className="form-actions">
          <button
            type="button"
            className="primary"
            disabled={busy || !address.trim()}
            onClick={() => void run('register')}
          >
            连接同步服务
          </button>
        </div>
      </div>
      <details className="card">
        <summary>已有管理员发来的邀请？</summary>
        <FormField label="管理员发来的邀请" error={errors.invitation} wide>
          <textarea
            rows={3}
            value={invitation}
            onChange={(e) => setInvitation(e.target.value)}
            placeholder="http://…/join/… 或 tianbao://…"
          />
        </FormField>
        <div className="form-actions">
          <button type="button" disabled={busy || !invitation.trim()} onClick={() => void run('invitation')}>
            用邀请连接
          </button>
        </div>
      </details>
      <p className="muted">没有同步服务的单位，可以在“文件交换”中用文件交换记录。</p>
    </section>
  );
}
