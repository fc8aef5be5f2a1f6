/**
 * A file button with Chinese words: the browser's own file input says “Choose File / No file chosen” in the
 * browser's language. The input stays in the label (visually hidden), so keyboard and screen readers use it.
 */
export function FileButton(props: {
  /** The button's words, e.g. 选择更新文件…. */
  button: string;
  /** What the file is, for screen readers and tests. */
  label?: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <label className={`excel-file-button${props.disabled ? ' disabled' : ''}`}>
      {props.button}
      <input
        className="visually-hidden"
        type="file"
        multiple={props.multiple}
        accept={props.accept}
        aria-label={props.label}
        disabled={props.disabled}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared at once, so choosing the same file again is seen as a new choice.
          e.target.value = '';
          if (files.length) props.onFiles(files);
        }}
      />
    </label>
  );
}
