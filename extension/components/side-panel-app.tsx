import { templateValues } from '@tianbao/core';
import { useEffect, useMemo, useState } from 'react';
import { LogContext, useLogRevision, useOpenLog } from '../hooks/use-log';
import { userMessage } from '../utils/input-errors';
import { type OpenLog, openLog } from '../utils/log-client';
import { sendMessage } from '../utils/messages';
import { currentLogId, logs } from '../utils/settings';
import { AutofillPanel } from './autofill-panel';
import { ErrorText } from './error-text';

/** The portal companion beside a web page: which unit and table, and how complete the table is. */
export function SidePanelApp() {
  const [open, setOpen] = useState<OpenLog | null>(null);
  const [state, setState] = useState<'loading' | 'none' | 'open' | 'error'>('loading');
  const [error, setError] = useState('');
  useEffect(() => {
    void (async () => {
      const [id, all] = await Promise.all([currentLogId.getValue(), logs.getValue()]);
      const record = all.find((l) => l.logId === id) ?? all[0];
      if (!record) return setState('none');
      try {
        setOpen(await openLog(record));
        setState('open');
      } catch (err) {
        setError(userMessage(err));
        setState('error');
      }
    })();
  }, []);
  const dashboard = (tab?: string) => void sendMessage('to-background:open-dashboard', tab ? { tab } : {});
  if (state === 'loading') return <p className="loading">正在打开台账…</p>;
  if (state === 'error')
    return (
      <p className="error-banner">
        台账打不开：
        <ErrorText message={error} />
      </p>
    );
  if (state === 'none' || !open)
    return (
      <main className="panel-body">
        <h1>填报助手</h1>
        <p>还没有台账。请先新建本单位的活动台账，或加入同事的台账。</p>
        <button type="button" className="primary" onClick={() => dashboard()}>
          开始使用
        </button>
      </main>
    );
  return (
    <LogContext.Provider value={open}>
      <PanelSummary onOpen={dashboard} />
      <AutofillPanel />
    </LogContext.Provider>
  );
}

function PanelSummary(props: { onOpen: (tab?: string) => void }) {
  const { session, template } = useOpenLog();
  const rev = useLogRevision();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const values = useMemo(
    () => (template ? templateValues(session.log, template) : []),
    [session, template, rev],
  );
  const meta = session.log.meta();
  const empty = values.filter((v) => v.value === null).length;
  return (
    <main className="panel-body">
      <h1>{meta.unitName}</h1>
      <p className="muted">{meta.campaign}</p>
      <dl className="facts">
        <dt>统计表</dt>
        <dd>{template?.title ?? '未选择'}</dd>
        <dt>活动记录</dt>
        <dd>{session.log.listSummaries().length} 条</dd>
        <dt>统计项</dt>
        <dd>
          共 {values.length} 项，
          {empty ? (
            <span className="tag warn">{empty} 项未填</span>
          ) : (
            <span className="tag ok">已全部填写</span>
          )}
        </dd>
      </dl>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => props.onOpen('entries')}>
          打开活动台账
        </button>
        <button type="button" onClick={() => props.onOpen('stats')}>
          查看统计表
        </button>
      </div>
    </main>
  );
}
