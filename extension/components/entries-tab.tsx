import { type Entry, type EntryFilter, type EntrySummary, matchesSearch } from '@tianbao/core';
import { ENTRY_LABEL, TERM } from '@tianbao/templates';
import { useEffect, useMemo, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { useSchedule } from '../hooks/use-schedule';
import { campaignWords, outsideCampaign } from '../utils/campaign-date';
import { entryBlanks } from '../utils/entry-text-blanks';
import { formatTime } from '../utils/format';
import { userMessage } from '../utils/input-errors';
import { EntryForm } from './entry-form';
import { EntryHistory } from './entry-history';
import { ErrorText } from './error-text';
import { InvalidEntries } from './invalid-entries';
import { Modal } from './modal';

const PAGE = 50;
/** One collator for Chinese names (pinyin order); creating one per comparison is what makes sorting slow. */
const zh = new Intl.Collator('zh');
type SortKey = 'date' | 'title' | 'kind' | 'createdBy' | 'updatedAt';
const COLUMNS: [SortKey, string][] = [
  ['date', ENTRY_LABEL.date],
  ['title', ENTRY_LABEL.title],
  ['kind', ENTRY_LABEL.kind],
  ['createdBy', TERM.recorder],
  ['updatedAt', '最后修改'],
];

/** 活动台账: the list (sortable, filtered, paged, from the index so it shows before the log is loaded). */
export function EntriesTab() {
  const { session, template } = useOpenLog();
  const log = session.log;
  const manual = log.manualValues();
  const rev = useLogRevision();
  const [filter, setFilter] = useState<EntryFilter>({});
  const [trash, setTrash] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'date', asc: false });
  const [page, setPage] = useState(0);
  /** The form open: a new activity, an activity to edit, or a new one copied from another (复制为新活动). */
  const [editing, setEditing] = useState<Entry | 'new' | { copyOf: Entry } | null>(null);
  const { schedule } = useSchedule();
  const [history, setHistory] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  /** The entry just moved to the trash, for 撤销 (a few seconds, then the notice goes). */
  const [undoable, setUndoable] = useState<EntrySummary | null>(null);
  useEffect(() => {
    if (!undoable) return;
    const t = setTimeout(() => setUndoable(null), 8000);
    return () => clearTimeout(t);
  }, [undoable]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const all = useMemo(() => log.listSummaries({ deleted: 'any' }), [log, rev]);
  const rows = useMemo(() => {
    const list = all
      .filter((r) => r.deleted === trash)
      .filter(
        (r) =>
          (!filter.from || r.date >= filter.from) &&
          (!filter.to || r.date <= filter.to) &&
          (!filter.kind || r.kind === filter.kind) &&
          (!filter.author || r.createdBy === filter.author || r.updatedBy === filter.author) &&
          (!filter.search || matchesSearch(r, filter.search)),
      );
    // listSummaries already gives newest first, the default order: no second sort of 10k rows per edit.
    if (sort.key === 'date' && !sort.asc) return list;
    const dir = sort.asc ? 1 : -1;
    return list.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      return (
        (typeof x === 'number'
          ? x - (y as number)
          : sort.key === 'date'
            ? x < y
              ? -1
              : x > y
                ? 1
                : 0
            : zh.compare(String(x), String(y))) * dir
      );
    });
  }, [all, trash, filter, sort]);
  const kinds = useMemo(() => [...new Set(all.map((r) => r.kind).filter(Boolean))].sort(), [all]);
  const authors = useMemo(
    () => [...new Set(all.flatMap((r) => [r.createdBy, r.updatedBy]).filter(Boolean))].sort(),
    [all],
  );
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
  const deletedCount = all.filter((r) => r.deleted).length;

  const edit = async (r: EntrySummary, copy = false) => {
    await session.loadShardOf(r.id);
    const e = log.getEntry(r.id);
    if (e) setEditing(copy ? { copyOf: e } : e);
  };
  const closeForm = () => setEditing(null);
  const act = async (r: EntrySummary, what: 'delete' | 'restore') => {
    try {
      await session.loadShardOf(r.id);
      if (what === 'delete') log.deleteEntry(r.id);
      else log.restoreEntry(r.id);
      setNotice(what === 'delete' ? `已将“${r.title}”移入回收站。` : `已恢复“${r.title}”。`);
      setUndoable(what === 'delete' ? r : null);
    } catch (err) {
      setNotice(userMessage(err));
    }
  };
  // For the benchmark: when the list first shows (bench/extension.bench.ts reads this mark).
  useEffect(() => {
    performance.mark('tianbao:entries-painted');
  }, []);

  const update = (f: Partial<EntryFilter>) => {
    setFilter({ ...filter, ...f });
    setPage(0);
  };

  return (
    <section className="tab">
      <div className="toolbar">
        {!trash ? (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            ＋ 新增活动
          </button>
        ) : null}
        <input
          className="search"
          placeholder="搜索活动名称、地点、单位、内容"
          aria-label="搜索活动"
          value={filter.search ?? ''}
          onChange={(e) => update({ search: e.target.value || undefined })}
        />
        <label className="inline">
          从{' '}
          <input
            type="date"
            value={filter.from ?? ''}
            onChange={(e) => update({ from: e.target.value || undefined })}
          />
        </label>
        <label className="inline">
          到{' '}
          <input
            type="date"
            value={filter.to ?? ''}
            onChange={(e) => update({ to: e.target.value || undefined })}
          />
        </label>
        <select
          aria-label={ENTRY_LABEL.kind}
          value={filter.kind ?? ''}
          onChange={(e) => update({ kind: e.target.value || undefined })}
        >
          <option value="">全部类型</option>
          {kinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <select
          aria-label={TERM.recorder}
          value={filter.author ?? ''}
          onChange={(e) => update({ author: e.target.value || undefined })}
        >
          <option value="">全部{TERM.recorder}</option>
          {authors.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
        <span className="spacer" />
        <button
          type="button"
          className={trash ? 'active' : ''}
          onClick={() => {
            setTrash(!trash);
            setPage(0);
          }}
        >
          {trash ? '返回台账' : `回收站（${deletedCount}）`}
        </button>
      </div>
      <InvalidEntries log={log} revision={rev} summaries={all} onEdit={(r) => void edit(r)} />
      {notice ? (
        <p className="notice" role="status">
          <ErrorText message={notice} />
          {undoable ? (
            <button
              type="button"
              className="link"
              onClick={() => {
                const r = undoable;
                setUndoable(null);
                void act(r, 'restore');
              }}
            >
              撤销
            </button>
          ) : null}
        </p>
      ) : null}
      {trash ? <h3 className="trash-title">回收站（已删除的活动，可以恢复）</h3> : null}
      <table className="list entry-list">
        <thead>
          <tr>
            {COLUMNS.map(([key, label]) => (
              <th key={key}>
                <button
                  type="button"
                  className="sort"
                  onClick={() => setSort({ key, asc: sort.key === key ? !sort.asc : true })}
                >
                  {label}
                  {sort.key === key ? (sort.asc ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
            <th>统计项</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">
                {r.date}
                {outsideCampaign(r.date, schedule.campaign) ? (
                  <span
                    className="tag warn date-outside"
                    title={`不在本次活动期间（${campaignWords(schedule.campaign)}），请核对日期`}
                  >
                    活动期外
                  </span>
                ) : null}
              </td>
              <td>
                <button type="button" className="link title" onClick={() => void edit(r)}>
                  {r.title}
                </button>
                {r.highlight ? <span className="tag key">重点</span> : null}
              </td>
              <td>{r.kind}</td>
              <td>{r.createdBy}</td>
              <td className="nowrap muted">
                {formatTime(r.updatedAt)} {r.updatedBy !== r.createdBy ? r.updatedBy : ''}
              </td>
              {(() => {
                const blanks = entryBlanks(template, r, manual);
                return (
                  <td className="num" title={blanks.words}>
                    {blanks.count}
                  </td>
                );
              })()}
              <td className="nowrap">
                {trash ? null : (
                  <>
                    <button type="button" className="link" onClick={() => void edit(r)}>
                      编辑
                    </button>
                    <button type="button" className="link" onClick={() => void edit(r, true)}>
                      复制为新活动
                    </button>
                  </>
                )}
                <button type="button" className="link" onClick={() => setHistory(r.id)}>
                  历史
                </button>
                {trash ? (
                  <button type="button" className="link" onClick={() => void act(r, 'restore')}>
                    恢复
                  </button>
                ) : (
                  <button type="button" className="link danger" onClick={() => void act(r, 'delete')}>
                    删除
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? (
        <p className="empty">
          {trash
            ? '回收站是空的。'
            : all.length
              ? '没有符合条件的活动。'
              : '还没有活动记录。点击“新增活动”记下第一项活动。'}
        </p>
      ) : (
        <div className="pager">
          <span>共 {rows.length} 条</span>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            上一页
          </button>
          <span>
            第 {page + 1} / {pages} 页
          </span>
          <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            下一页
          </button>
        </div>
      )}
      {editing ? (
        <Modal
          title={editing === 'new' ? '新增活动' : 'copyOf' in editing ? '复制为新活动' : '编辑活动'}
          onClose={closeForm}
          wide
        >
          <EntryForm
            {...(editing !== 'new' &&
              ('copyOf' in editing ? { copyOf: editing.copyOf } : { entry: editing }))}
            onDone={(id) => {
              closeForm();
              if (id) setNotice(editing === 'new' || 'copyOf' in editing ? '已添加。' : '已保存。');
            }}
          />
        </Modal>
      ) : null}
      {history ? (
        <Modal title="修改历史" onClose={() => setHistory(null)} wide>
          <EntryHistoryLoader id={history} />
        </Modal>
      ) : null}
    </section>
  );
}

function EntryHistoryLoader(props: { id: string }) {
  const { session } = useOpenLog();
  const [ready, setReady] = useState(session.log.isShardLoaded(session.log.shardIndexOf(props.id)));
  if (!ready) {
    void session.loadShardOf(props.id).then(() => setReady(true));
    return <p className="muted">正在加载…</p>;
  }
  return <EntryHistory id={props.id} />;
}
