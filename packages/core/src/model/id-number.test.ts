import { describe, expect, it } from 'vitest';
import { LogInputError } from '../errors.ts';
import { idNumberProblem, maskIdNumber } from './id-number.ts';
import { newLog } from './test-replicas.ts';

// GB 11643's own example number, and one ending in X.
const GOOD = '11010519491231002X';
const GOOD2 = '230102199001011230';

describe('身份证号 of the liaison', () => {
  it('is 18 characters whose last one is the check digit of the other 17', () => {
    expect(idNumberProblem(GOOD)).toBeUndefined();
    expect(idNumberProblem(GOOD2)).toBeUndefined();
    expect(idNumberProblem('23010219900101123')).toBe('length');
    expect(idNumberProblem('2301021990O1011230')).toBe('format');
    expect(idNumberProblem('230102199001011234')).toBe('checksum');
  });

  it('is masked as 2301**********1230 wherever it is shown', () => {
    expect(maskIdNumber(GOOD2)).toBe('2301**********1230');
    expect(maskIdNumber('')).toBe('');
  });

  it('the profile refuses a wrong one in Chinese without repeating it in the English message, and keeps a lower-case x as X', () => {
    const log = newLog();
    let err: unknown;
    try {
      log.setProfile({ idNumber: '230102199001011234' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LogInputError);
    expect((err as LogInputError).field).toBe('profile.idNumber');
    expect((err as LogInputError).messageZh).toBe('身份证号校验位不对，请核对（可能有数字输错）');
    expect((err as LogInputError).message).not.toContain('230102');
    expect(log.getProfile().idNumber).toBe('');
    log.setProfile({ idNumber: GOOD.toLowerCase() });
    expect(log.getProfile().idNumber).toBe(GOOD);
  });
});
