import { type Conflict, maskIdNumber } from '@tianbao/core';
import { blankName, LIAISON_FIELDS } from '@tianbao/templates';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { fieldName, formatValue } from '../utils/format';

/** 冲突: values that lost when two people changed the same thing at the same time. */
export function ConflictsTab() {
  const { session, template } = useOpenLog();
  useLogRevision();
  const log = session.log;
  const conflicts = log.conflicts();
  // 身份证号 stays masked here too: this tab is read over shoulders like the rest.
  const shown = (c: Conflict, v: Conflict['keptValue']) =>
    c.target === 'profile' && c.field === 'idNumber' && typeof v === 'string'
      ? maskIdNumber(v)
      : formatValue(v);
  const where = (c: Conflict) => {
    if (c.target === 'entry')
      return `活动“${log.getEntry(c.targetId)?.title ?? c.targetId}”的${fieldName(c.field, template)}`;
    if (c.target === 'plan') return `计划的${fieldName(c.field, template)}`;
    if (c.target === 'profile')
      return `联络员信息的${LIAISON_FIELDS.find((f) => f.id === c.field)?.label ?? c.field}`;
    const slot = template?.slots.find((s) => `${template.id}/${s.id}` === c.field);
    return `统计项“${slot && template ? blankName(template, slot) : '另一张统计表的空'}”`;
  };
  if (!conflicts.length)
    return (
      <section className="tab">
        <p className="empty">没有需要核对的冲突。两位同事同时修改同一处时，未被采用的值会列在这里。</p>
      </section>
    );
  return (
    <section className="tab">
      <p className="muted">
        以下内容被两位同事同时修改（或一位同事保存时没有看到另一位刚改的值），系统保留了其中一个值。请核对后选择。
      </p>
      <table className="list">
        <thead>
          <tr>
            <th>位置</th>
            <th>当前采用</th>
            <th>未采用</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={c.id}>
              <td>{where(c)}</td>
              <td>
                {shown(c, c.keptValue)} <span className="muted">（{c.keptBy}）</span>
              </td>
              <td>
                {shown(c, c.lostValue)} <span className="muted">（{c.lostBy}）</span>
                {c.stale ? <span className="tag warn">对方保存时未看到此值</span> : null}
              </td>
              <td className="nowrap">
                <button type="button" className="small" onClick={() => log.resolveConflict(c.id, 'keep')}>
                  保留当前值
                </button>
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    void session
                      .loadShardOf(c.targetId)
                      .catch(() => undefined)
                      .then(() => log.resolveConflict(c.id, 'restore'))
                  }
                >
                  改用此值
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
