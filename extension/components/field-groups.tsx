import type { MatchStatus } from '@tianbao/autofill';
import { valueKey } from '@tianbao/autofill';
import type { Template } from '@tianbao/templates';
import { useMemo } from 'react';
import type { PortalRow } from '../utils/portal-rows';
import type { PanelValue } from '../utils/portal-values';
import { FieldRow } from './field-row';

const GROUPS: { status: MatchStatus; title: string; hint: string }[] = [
  { status: 'unsure', title: '需确认', hint: '勾选“确认填写”后才会填写' },
  { status: 'matched', title: '已匹配', hint: '一键填报时填写' },
  { status: 'unmatched', title: '未匹配', hint: '不会填写；如有对应项可手工指定' },
];

/** The page's controls by status; 需确认 first since those need a person, 未匹配 folded away. */
export function FieldGroups(props: {
  rows: PortalRow[];
  template: Template;
  values: Map<string, PanelValue>;
  confirmed: Set<string>;
  filled: Set<string>;
  /** Field keys with a correction stored for this page. */
  learned: Set<string>;
  onConfirm: (key: string, on: boolean) => void;
  onCorrect: (key: string, slotId: string | null) => void;
  onRestore: (key: string) => void;
}) {
  const slots = useMemo(() => new Map(props.template.slots.map((s) => [s.id, s])), [props.template]);
  if (!props.rows.length) return <p className="empty">这个页面上没有找到可填写的输入框。</p>;
  return (
    <div className="field-groups">
      {GROUPS.map((g) => {
        const rows = props.rows.filter((r) => r.status === g.status);
        if (!rows.length) return null;
        const list = (
          <ul key="list" className="field-list">
            {rows.map((r) => (
              <FieldRow
                key={r.key}
                row={r}
                slot={r.slotId ? slots.get(r.slotId) : undefined}
                value={r.slotId ? props.values.get(valueKey(r.slotId, r.measure)) : undefined}
                slots={props.template.slots}
                confirmed={props.confirmed.has(r.key)}
                filled={props.filled.has(r.key)}
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
        return g.status === 'unmatched' ? (
          <details key={g.status} className={`field-group group-${g.status}`}>
            <summary>{head}</summary>
            {list}
          </details>
        ) : (
          <section key={g.status} className={`field-group group-${g.status}`} aria-label={g.title}>
            <h2>{head}</h2>
            {list}
          </section>
        );
      })}
    </div>
  );
}
