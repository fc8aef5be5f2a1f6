import { TERM } from '@tianbao/templates';
import { useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { today } from '../utils/format';
import { userMessage } from '../utils/input-errors';
import { FormField } from './form-field';
import { Modal } from './modal';

/**
 * 填报日期, chosen once for the whole log: the 统计表, its print view, the Excel export, the documents and
 * the portal fill all show this one day. Unset, the first of those reports records the day it happens.
 */
export function ReportDateDialog(props: { onClose: () => void }) {
  const { session } = useOpenLog();
  const saved = session.log.reportDate();
  const [date, setDate] = useState(saved ?? today());
  const [error, setError] = useState('');
  const save = (value: string | null) => {
    try {
      session.log.setReportDate(value);
      props.onClose();
    } catch (err) {
      setError(userMessage(err));
    }
  };
  return (
    <Modal title={TERM.reportDate} onClose={props.onClose}>
      <p className="muted">
        统计表、打印、Excel、总结初稿等文档和网页一键填报都用这一个日期。
        {saved ? '' : '还没有设置时，第一次打印、导出Excel或一键填报的那一天会记为填报日期。'}
      </p>
      <FormField label={TERM.reportDate} error={error}>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </FormField>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => save(date || null)}>
          保存
        </button>
        {saved ? (
          <button type="button" onClick={() => save(null)}>
            清除
          </button>
        ) : null}
        <button type="button" onClick={props.onClose}>
          取消
        </button>
      </div>
    </Modal>
  );
}
