import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIAISON_FIELDS, liaisonTemplate } from './liaison.ts';

const shared = new URL('../../../../shared/', import.meta.url);

/** The labels of a seed's 联络员推荐表/反馈表: the cells between the form's title and its 注. */
function formLabels(seed: string): string[] {
  const text = readFileSync(new URL(`seeds/${seed}`, shared), 'utf8');
  // The form's own title is the last mention (the first ones are the notice's list of 附件).
  const start = [...text.matchAll(/联络员(推荐|反馈)表[ \t]*\n/gu)].pop()?.index ?? -1;
  const rest = text.slice(start).split('\n').slice(1);
  const end = rest.findIndex((l) => /^(注|附件|\s*附件)/u.test(l.trim()));
  return rest
    .slice(0, end)
    .flatMap((l) => l.split('\t'))
    .map((c) => c.replace(/\s/gu, ''))
    .filter((c) => c !== '');
}

describe('liaison template', () => {
  it('has the seed forms’ 11 profile fields in their order, then 身份证号 (asked by liaison portals)', () => {
    expect(liaisonTemplate.slots.map((s) => s.id)).toEqual([
      'name',
      'gender',
      'title',
      'officePhone',
      'mobile',
      'fax',
      'qq',
      'wechat',
      'email',
      'unitName',
      'address',
      'idNumber',
    ]);
  });

  for (const seed of ['000_4ca748d901212163.txt', '001_f5ef0da1a26f2e55.txt', '004_7cd73d9cfe9c13c8.txt']) {
    it(`knows every label of the form in ${seed}`, () => {
      const labels = formLabels(seed);
      expect(labels.length).toBeGreaterThanOrEqual(10);
      for (const label of labels) {
        const field = LIAISON_FIELDS.find((f) => f.label === label || f.labels.includes(label));
        expect(field, label).toBeDefined();
      }
      // `before` is the label the seed forms print.
      for (const slot of liaisonTemplate.slots) {
        // 身份证号 is asked by portals (demo/portal/liaison), not printed on the seed forms.
        if (labels.includes(slot.before) || slot.id === 'idNumber') continue;
        expect(seed === '001_f5ef0da1a26f2e55.txt' && slot.id === 'qq', `${slot.id} ${slot.before}`).toBe(
          true,
        );
      }
    });
  }

  it('lists the portal synonyms the autofill engine matches', () => {
    const labelsOf = (id: string) => liaisonTemplate.slots.find((s) => s.id === id)?.labels ?? [];
    expect(labelsOf('officePhone')).toContain('座机');
    expect(labelsOf('mobile')).toContain('移动电话');
    expect(labelsOf('email')).toContain('E-mail');
  });
});
