import { blankWords, type Slot, type Template } from '@tianbao/templates';

/**
 * A blank as the notice words it, with what tells it apart: its activity item and the words of its
 * sentence up to it, the blank itself marked (「开展安全宣传进企业活动（ ）场，参与【 】人」).
 */
export function BlankSentence(props: { template: Pick<Template, 'slots'>; slot: Slot; item?: boolean }) {
  const words = blankWords(props.template, props.slot);
  return (
    <span className="blank-words">
      {props.item !== false && words.item ? <span className="blank-item">{words.item}</span> : null}
      <span className="blank-sentence">
        {words.parts.map((p, i) =>
          'text' in p ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence
            <span key={i}>{p.text}</span>
          ) : p.blank === 'chosen' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence
            <mark key={i} className="blank-chosen" title="就是这一空">
              （ ）
            </mark>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence
            <span key={i} className="blank-other">
              （ ）
            </span>
          ),
        )}
      </span>
    </span>
  );
}
