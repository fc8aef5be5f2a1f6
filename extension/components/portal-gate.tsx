import { type ReactNode, useEffect, useState } from 'react';
import { userMessage } from '../utils/input-errors';
import { disablePortal, enablePortal, hasAccess } from '../utils/portal-access';
import { ErrorText } from './error-text';

/**
 * Host access per portal: until the person enables this origin the extension cannot read the page, so
 * the panel offers 启用; afterwards it shows the fill UI and a way to turn the portal off again.
 */
export function PortalGate(props: { origin: string; tabId: number; children: ReactNode }) {
  const [state, setState] = useState<'checking' | 'off' | 'on'>('checking');
  const [error, setError] = useState('');
  useEffect(() => {
    setState('checking');
    void hasAccess(props.origin).then((on) => setState(on ? 'on' : 'off'));
  }, [props.origin]);

  const enable = () => {
    setError('');
    // No await before this call: the permission prompt needs the click's user gesture.
    enablePortal(props.origin, props.tabId).then(
      (granted) => {
        if (granted) setState('on');
        else setError('没有获得访问此网站的权限，未启用。');
      },
      (err) => setError(userMessage(err)),
    );
  };
  const disable = () => {
    disablePortal(props.origin).then(
      () => setState('off'),
      (err) => setError(userMessage(err)),
    );
  };

  if (state === 'checking') return <p className="loading">正在检查…</p>;
  if (state === 'off')
    return (
      <section className="portal-gate">
        <p>
          填报助手还不能读取这个网站：<span className="origin">{props.origin}</span>
        </p>
        <p className="muted small-text">
          启用后，助手只在此网站的页面上查找填报项，并按您的台账填写；数据不会保存到网站中。
        </p>
        <button type="button" className="primary" onClick={enable}>
          在此网站启用填报助手
        </button>
        {error ? (
          <p className="error-banner">
            <ErrorText message={error} />
          </p>
        ) : null}
      </section>
    );
  return (
    <>
      {props.children}
      <footer className="portal-footer">
        <span className="muted small-text">已在 {props.origin} 启用</span>
        <button type="button" className="link small-link" onClick={disable}>
          停用
        </button>
        {error ? (
          <p className="error-banner">
            <ErrorText message={error} />
          </p>
        ) : null}
      </footer>
    </>
  );
}
