export type NoticeFileErrorCode =
  | 'too-large'
  | 'old-word'
  | 'wrong-type'
  | 'unreadable'
  | 'encrypted-pdf'
  | 'no-text-layer';

/**
 * A notice file that cannot be read, with what to do instead: `messageZh` for the extension (office
 * staff), `message` in English for the CLI and logs.
 */
export class NoticeFileError extends Error {
  override readonly name = 'NoticeFileError';
  constructor(
    readonly code: NoticeFileErrorCode,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }

  static tooLarge(detail: string): NoticeFileError {
    return new NoticeFileError(
      'too-large',
      `The file is too large to read safely: ${detail}. Save the notice again as .docx or PDF, or paste its table.`,
      `文件过大，无法安全读取（${detail}）。请重新另存为 .docx 或 PDF，或直接复制粘贴通知中的统计表。`,
    );
  }

  static oldWord(kind: 'doc' | 'wps' | 'rtf' | 'encrypted'): NoticeFileError {
    if (kind === 'encrypted')
      return new NoticeFileError(
        'old-word',
        'The Word file is password-protected. Remove the password (or save an unprotected copy as .docx) and try again.',
        '这个 Word 文件设置了密码，无法读取。请在 Word/WPS 中取消密码（或另存一份不加密的 .docx）后再拖入。',
      );
    const name = kind === 'wps' ? 'WPS (.wps)' : kind === 'rtf' ? 'RTF' : 'old Word (.doc)';
    return new NoticeFileError(
      'old-word',
      `This is an ${name} file, which cannot be read here. Open it in Word or WPS, choose Save As → Word document (.docx), and use the .docx instead.`,
      `这是${kind === 'wps' ? ' WPS 文字（.wps）' : kind === 'rtf' ? ' RTF ' : '旧版 Word（.doc）'}文件，填报助手无法直接读取。请用 Word 或 WPS 打开它，选择“另存为”→“Word 文档（*.docx）”，再把保存好的 .docx 文件拖到这里。`,
    );
  }

  static wrongType(kind: 'xlsx' | 'other'): NoticeFileError {
    return kind === 'xlsx'
      ? new NoticeFileError(
          'wrong-type',
          'This is an Excel workbook, not a notice: import the table with `tianbao template import`, or drop the notice (.docx or PDF).',
          '这是 Excel 表格，不是通知文件。请拖入通知本身（.docx 或 PDF）；只有统计表的 Excel 可在下方“粘贴统计表”处粘贴。',
        )
      : new NoticeFileError(
          'wrong-type',
          'Not a notice file: expected .docx or PDF (a .doc/.wps must be saved as .docx first).',
          '无法识别的文件。请拖入通知的 .docx 或 PDF 文件（.doc/.wps 请先另存为 .docx）。',
        );
  }

  static unreadable(kind: 'docx' | 'pdf', cause: unknown): NoticeFileError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new NoticeFileError(
      'unreadable',
      `The ${kind === 'docx' ? '.docx' : 'PDF'} file is damaged or not what its name says (${detail}). Open it in ${kind === 'docx' ? 'Word or WPS and save it again as .docx' : 'a PDF reader to check it'}, or paste the table instead.`,
      kind === 'docx'
        ? '这个 .docx 文件已损坏或格式不对，无法读取。请用 Word 或 WPS 打开后重新“另存为 .docx”，或直接复制粘贴通知中的统计表。'
        : '这个 PDF 文件已损坏，无法读取。请换一份通知文件（最好是 .docx），或直接复制粘贴通知中的统计表。',
    );
  }

  static encryptedPdf(): NoticeFileError {
    return new NoticeFileError(
      'encrypted-pdf',
      'The PDF is password-protected. Ask the sender for the .docx, or open it with the password, print it to an unprotected PDF, and try again.',
      '这个 PDF 设置了密码，无法读取。请向发文单位索取 .docx 版通知，或在 PDF 阅读器中输入密码后“打印为 PDF”另存一份不加密的文件再拖入。',
    );
  }

  static noTextLayer(): NoticeFileError {
    return new NoticeFileError(
      'no-text-layer',
      'The PDF has no text (it is a scan or a picture), so its tables cannot be read. Ask the sender for the .docx, or type the table in / paste it from a text copy.',
      '这个 PDF 是扫描件或图片，里面没有可读取的文字，无法识别表格。请向发文单位索取 .docx 版通知，或在下方粘贴统计表的文字。',
    );
  }
}
