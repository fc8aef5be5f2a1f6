import { describe, expect, it } from 'vitest';
import { colleagueChanges, dropEdit, type Edits, editField, withEdits } from './draft-edits';

type P = { name: string; phone: string; mobile: string };
const stored: P = { name: '', phone: '', mobile: '' };

describe('draft edits over a shared record', () => {
  it('keeps a typed field when the stored record changes, and shows the colleague in the others', () => {
    let edits: Edits<P> = {};
    edits = editField(edits, stored, 'name', '张');
    edits = editField(edits, stored, 'name', '张三丰');
    // A colleague saves 办公电话 while this person types 姓名: the reload of the stored side is harmless.
    const now: P = { ...stored, phone: '0457-2712884' };
    expect(withEdits(now, edits)).toEqual({ name: '张三丰', phone: '0457-2712884', mobile: '' });
    expect(colleagueChanges(now, edits)).toEqual([]);
  });

  it('remembers the stored value a field had when the person first typed in it', () => {
    let edits: Edits<P> = {};
    edits = editField(edits, stored, 'phone', '0457');
    // Typed on after a colleague's change arrived: the starting point is still the first one.
    edits = editField(edits, { ...stored, phone: '0457-1111111' }, 'phone', '0457-2');
    expect(edits.phone).toEqual({ value: '0457-2', from: '' });
  });

  it('names a field a colleague changed while this person was editing it, keeping the person’s value', () => {
    const edits = editField({}, stored, 'phone', '0457-2712884');
    const now: P = { ...stored, phone: '0457-1111111' };
    expect(withEdits(now, edits).phone).toBe('0457-2712884');
    expect(colleagueChanges(now, edits)).toEqual([
      { field: 'phone', theirs: '0457-1111111', mine: '0457-2712884' },
    ]);
    // Taking the colleague's value drops the edit; the field follows the stored record again.
    const taken = dropEdit(edits, 'phone');
    expect(withEdits(now, taken).phone).toBe('0457-1111111');
    expect(colleagueChanges(now, taken)).toEqual([]);
  });

  it('is no change to ask about when the colleague typed the same value', () => {
    const edits = editField({}, stored, 'mobile', '13900001234');
    expect(colleagueChanges({ ...stored, mobile: '13900001234' }, edits)).toEqual([]);
  });

  it('forgets a field typed back to what is stored, so it follows colleagues again', () => {
    const start: P = { ...stored, name: '张三' };
    let edits = editField({}, start, 'name', '张三丰');
    edits = editField(edits, start, 'name', '张三');
    expect(edits).toEqual({});
  });

  it('keeps a field typed back to its old value when a colleague changed it meanwhile', () => {
    const start: P = { ...stored, name: '张三' };
    let edits = editField({}, start, 'name', '张三丰');
    const now: P = { ...start, name: '李四' };
    edits = editField(edits, now, 'name', '张三');
    expect(withEdits(now, edits).name).toBe('张三');
    expect(colleagueChanges(now, edits)).toEqual([{ field: 'name', theirs: '李四', mine: '张三' }]);
  });

  it('does not change the records it is given', () => {
    const edits = editField({}, stored, 'name', '张三');
    const copy = structuredClone(edits);
    editField(edits, stored, 'name', '张');
    dropEdit(edits, 'name');
    withEdits(stored, edits);
    expect(edits).toEqual(copy);
    expect(stored).toEqual({ name: '', phone: '', mobile: '' });
  });
});
