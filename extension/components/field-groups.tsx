import { valueKey } from '@tianbao/autofill';
import type { MappingUnits } from '@tianbao/core';
import { TERM, type Template } from '@tianbao/templates';
import { useMemo } from 'react';
import type { PortalRow } from '../utils/portal-rows';
import type { PanelValue } from '../utils/portal-values';
import { type RowState, rowState } from '../utils/row-state';
import { FieldRow } from './field-row';

/**
 * The page's controls grouped by what 一键填报 does with them. Groups that need the person come first and
 * open; those with nothing to do (已一致, 未填, 未匹配) are folded with their count, so a 94-control page
 * of a unit with a few activities is a short list, not 74 rows of 无数据.
 */
const GROUPS: { state: RowState; title: string; hint: string; folded?: boolean }[] = [
  { state: 'unsure', title: '需确认', hint: '勾选“确认填写”后才会填写' },
  { state: 'differs', title: '网页上已有不同内容', hint: '不会自动覆盖' },
  { state: 'will-fill', title: '将填写', hint: '一键填报时填写' },
  { state: 'filled', title: '已填写', hint: '请在网页上核对后提交' },
  { state: 'same', title: '已一致', hint: '网页上已是台账中的数', folded: true },
  { state: 'no-data', title: TERM.empty, hint: '台账中还没有这些项的数，不会填写', folded: true },
  { state: 'unmatched', title: '未匹配', hint: '不会填写；如有对应项可手工指定', folded: true },
];

export function FieldGroups(props: {
  rows: PortalRow[];
  template: Template;
  values: Map<string, PanelValue>;
  confirmed: Set<string>;
  filled: Set<string>;
  /** After a fill: the controls it left alone because they held another answer. */
  differs?: ReadonlySet<string>;
  /** Field keys with a correction stored for this page. */
  learned: Set<string>;
  onConfirm: (key: string, on: boolean) => void;
  onCorrect: (key: string, slotId: string | null, units?: MappingUnits) => void;
  onRestore: (key: string) => void;
}) {
  const slots = useMemo(() => new Map(props.template.slots.map((s) => [s.id, s])), [props.template]);
  const byState = useMemo(() => {
    const out = new Map<RowState, PortalRow[]>();
    for (const r of props.rows) {
      const v = r.slotId ? props.values.get(valueKey(r.slotId, r.measure)) : undefined;
      const state = rowState(r, v?.value, props.filled.has(r.key), props.differs);
      out.set(state, [...(out.get(state) ?? []), r]);
    }
    return out;
  }, [props.rows, props.values, props.filled, props.differs]);
  if (!props.rows.length) return <p className="empty">这个页面上没有找到可填写的输入框。</p>;
  return (
    <div className="field-groups">
      {GROUPS.map((g) => {
        const rows = byState.get(g.state);
        if (!rows?.length) return null;
        const list = (
          <ul key="list" className="field-list">
            {rows.map((r) => (
              <FieldRow
                key={r.key}
                row={r}
                state={g.state}
                slot={r.slotId ? slots.get(r.slotId) : undefined}
                value={r.slotId ? props.values.get(valueKey(r.slotId, r.measure)) : undefined}
                slots={props.template.slots}
                confirmed={props.confirmed.has(r.key)}
                learned={props.learned.has(r.key)}
                onConfirm={props.onConfirm}
                onCorrect={props.onCorrect}
                onRestore={props.onRestore}
              />
            ))}
          </ul>
        );
        const head = (
          <>
            {g.title} <span className="count">{rows.length}</span>
            <span className="group-hint">{g.hint}</span>
          </>
        );
        return g.folded ? (
          <details key={g.state} className={`field-group group-${g.state}`}>
            <summary>{head}</summary>
            {list}
          </details>
        ) : (
          <section key={g.state} className={`field-group group-${g.state}`} aria-label={g.title}>
            <h2>{head}</h2>
            {list}
          </section>
        );
      })}
    </div>
  );
}
