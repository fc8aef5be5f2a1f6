import { describe, expect, test } from 'vitest';
import { pair, sync } from '../model/test-replicas.ts';

describe('the notice a unit confirmed, kept in the log', () => {
  const record = {
    title: '关于印发2020年全区“安全生产月”和“安全生产兴安行”活动方案的通知',
    issuer: '大兴安岭地区行政公署安全生产委员会办公室',
    documentNumber: '大安办发〔2020〕26号',
    fileName: 'notice.docx',
    liaisonFields: [{ id: 'name', label: '姓名' }],
    planFields: [{ id: 'date', label: '时间' }],
  };

  test('reaches a colleague as it was confirmed', () => {
    const { a, b } = pair();
    expect(a.notice()).toBeUndefined();
    a.setNotice(record);
    sync(a, b);
    expect(b.notice()).toEqual(record);
  });

  test('a record that is not a notice is refused with a Chinese reason, and nothing is stored', () => {
    const { a } = pair();
    expect(() => a.setNotice({ ...record, liaisonFields: [{ id: '', label: 'x' }] })).toThrowError(
      expect.objectContaining({ messageZh: '通知信息填写得不完整或过长' }),
    );
    expect(() => a.setNotice({ ...record, documentNumber: 'x'.repeat(81) })).toThrow();
    expect(a.notice()).toBeUndefined();
    // Not a schedule edit: the schedule's own keys are unchanged.
    a.setNotice(record);
    expect(a.scheduleEdits()).toEqual({ deadlines: {} });
  });
});
