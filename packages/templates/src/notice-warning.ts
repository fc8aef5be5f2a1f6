/** Something about an imported notice the person should check, in English (CLI) and Chinese (UI). */
export interface NoticeWarning {
  code: 'unruled-table' | 'table-unreadable' | 'campaign-assumed' | 'page-break' | 'table' | 'no-statistics';
  message: string;
  messageZh: string;
}
