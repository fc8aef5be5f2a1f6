import { FileButton } from './file-button';
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
      <FileButton
        button={props.button}
        label={props.label}
        accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={props.multiple}
        disabled={props.disabled}
        onFiles={props.onFiles}
      />
      <span className="muted">{props.chosen || '未选择文件'}</span>
    </div>
  );
}
