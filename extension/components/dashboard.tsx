import { TERM, templateOrigin } from '@tianbao/templates';
import { useEffect, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { useSetting } from '../hooks/use-setting';
import { logs, userName } from '../utils/settings';
import { AttachmentsTab } from './attachments-tab';
import { ConflictsTab } from './conflicts-tab';
import { DeadlinesTab } from './deadlines-tab';
import { EntriesTab } from './entries-tab';
import { ExcelTab } from './excel-tab';
import { ExchangeTab } from './exchange-tab';
import { LiaisonTab } from './liaison-tab';
import { PlansTab } from './plans-tab';
import { PrintView } from './print-view';
import { ReportPackTab } from './report-pack-tab';
import { StatsTab } from './stats-tab';
import { SyncTab } from './sync-tab';
import { UndoButton } from './undo-button';

const TABS = [
  ['entries', '活动台账', EntriesTab],
  ['stats', '统计表', StatsTab],
  ['report', '本周报送', ReportPackTab],
  ['plans', '重点活动计划', PlansTab],
  ['liaison', '联络员', LiaisonTab],
  ['deadlines', '截止日期', DeadlinesTab],
  ['attachments', '附件', AttachmentsTab],
  ['conflicts', '冲突', ConflictsTab],
  ['sync', '成员与同步', SyncTab],
  ['exchange', '文件交换', ExchangeTab],
  ['excel', TERM.excelTab, ExcelTab],
] as const;
type TabId = (typeof TABS)[number][0];

const tabFromHash = (): TabId => {
  const h = location.hash.slice(1);
  return (TABS.find(([id]) => id === h)?.[0] ?? 'entries') as TabId;
};

export function Dashboard(props: { onSwitch: (logId: string | null) => void }) {
  const { session, template, record } = useOpenLog();
  useLogRevision();
  const [tab, setTab] = useState<TabId>(tabFromHash);
  // #print: the 统计表 alone, for the browser's print (打印 / 导出PDF in 统计表).
  const [printing, setPrinting] = useState(() => location.hash === '#print');
  const [user] = useSetting(userName);
  const [all] = useSetting(logs);
  useEffect(() => {
    const onHash = () => {
      setPrinting(location.hash === '#print');
      setTab(tabFromHash());
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const conflicts = tab === 'conflicts' || session.log.conflicts().length;
  const { sync } = useOpenLog();
  const tabLabel = (TABS.find(([id]) => id === tab) ?? TABS[0])[1];
  // Colleagues see what this person is looking at (成员与同步).
  useEffect(() => sync.connection()?.setPresence(`正在看“${tabLabel}”`), [sync, tabLabel]);
  const Current = (TABS.find(([id]) => id === tab) ?? TABS[0])[2];
  const meta = session.log.meta();
  if (printing) return <PrintView />;
  return (
    <div className="app">
      <header className="app-head">
        <div>
          <h1>
            {meta.unitName} <span className="campaign">{meta.campaign}</span>
          </h1>
          <p className="muted">
            {template
              ? `${template.title}（${templateOrigin(template.source) || '自行导入'}的通知）`
              : '未选择统计表'}
          </p>
        </div>
        <div className="who">
          <UndoButton />
          <span>
            {TERM.recorder}：{user}
          </span>
          <select
            aria-label="切换台账"
            value={record.logId}
            onChange={(e) => props.onSwitch(e.target.value === 'new' ? null : e.target.value)}
          >
            {(all ?? []).map((l) => (
              <option key={l.logId} value={l.logId}>
                {l.unitName} {l.campaign}
              </option>
            ))}
            <option value="new">＋ 新建或加入台账…</option>
          </select>
        </div>
      </header>
      <nav className="tabs" aria-label="功能">
        {TABS.map(([id, label]) => (
          <a
            key={id}
            href={`#${id}`}
            className={id === tab ? 'current' : ''}
            aria-current={id === tab ? 'page' : undefined}
          >
            {label}
            {id === 'conflicts' && typeof conflicts === 'number' && conflicts > 0 ? (
              <span className="badge">{conflicts}</span>
            ) : null}
          </a>
        ))}
      </nav>
      <main>
        <Current />
      </main>
    </div>
  );
}
