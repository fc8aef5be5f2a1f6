import type { ReactNode } from 'react';
import { ErrorText } from './error-text';

/** A labelled form control with its validation message underneath. */
export function FormField(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
  wide?: boolean;
  /** Shown under the field whatever else is (e.g. a colleague's change to it). */
  note?: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in
    <label className={`field${props.wide ? ' field-wide' : ''}${props.error ? ' field-error' : ''}`}>
      <span className="field-label">{props.label}</span>
      {props.children}
      {props.error ? (
        <span className="field-message">
          <ErrorText message={props.error} />
        </span>
      ) : props.hint ? (
        <span className="field-hint">{props.hint}</span>
      ) : null}
      {props.note}
    </label>
  );
}
