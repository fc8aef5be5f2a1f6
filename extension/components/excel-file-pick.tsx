/** A file button with Chinese words (the browser's own says “Choose File” in some installs). */
export function ExcelFilePick(props: {
  label: string;
  button: string;
  multiple?: boolean;
  disabled?: boolean;
  chosen?: string;
  onFiles: (files: File[]) => void;
}) {
  return (
    <div className="excel-file-pick">
      <label className={`excel-file-button${props.disabled ? ' disabled' : ''}`}>
        {props.button}
        <input
          type="file"
          className="visually-hidden"
          multiple={props.multiple}
          accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={props.label}
          disabled={props.disabled}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) props.onFiles(files);
          }}
        />
      </label>
      <span className="muted">{props.chosen || '未选择文件'}</span>
    </div>
  );
}
