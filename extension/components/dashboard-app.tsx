import { useEffect, useState } from 'react';
import { LogContext } from '../hooks/use-log';
import { userMessage } from '../utils/input-errors';
import { type OpenLog, openLog } from '../utils/log-client';
import { scheduleReminders } from '../utils/reminders';
import { currentLogId, logs, userName } from '../utils/settings';
import { Dashboard } from './dashboard';
import { ErrorText } from './error-text';
import { FirstRun } from './first-run';

/** The dashboard page: first run when there is no log yet, else the current log. */
export function DashboardApp() {
  const [open, setOpen] = useState<OpenLog | null>(null);
  const [state, setState] = useState<'loading' | 'first-run' | 'open' | 'error'>('loading');
  const [error, setError] = useState('');

  const show = (o: OpenLog) => {
    setOpen(o);
    setState('open');
    void scheduleReminders(o);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: opens the current log once, on mount
  useEffect(() => {
    void (async () => {
      const [id, all, name] = await Promise.all([
        currentLogId.getValue(),
        logs.getValue(),
        userName.getValue(),
      ]);
      const record = all.find((l) => l.logId === id) ?? all[0];
      if (!record || !name) return setState('first-run');
      try {
        show(await openLog(record));
      } catch (err) {
        setError(userMessage(err));
        setState('error');
      }
    })();
  }, []);

  if (state === 'loading') return <p className="loading">正在打开台账…</p>;
  if (state === 'error')
    return (
      <main className="first-run">
        <p className="error-banner">
          台账打不开：
          <ErrorText message={error} />
        </p>
        <button type="button" onClick={() => setState('first-run')}>
          新建或加入其他台账
        </button>
      </main>
    );
  if (state === 'first-run' || !open)
    return <FirstRun onOpened={show} {...(open && { onCancel: () => setState('open') })} />;
  return (
    <LogContext.Provider value={open}>
      <Dashboard
        onSwitch={async (logId) => {
          if (logId === null) return setState('first-run');
          const record = (await logs.getValue()).find((l) => l.logId === logId);
          if (!record) return;
          await open.close();
          await currentLogId.setValue(logId);
          show(await openLog(record));
        }}
      />
    </LogContext.Provider>
  );
}
