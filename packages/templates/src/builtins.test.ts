import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSeedTemplates } from './builtin/generate.ts';
import { SEED_SOURCES } from './builtin/seed-sources.ts';
import { builtinTemplates, getTemplate, listTemplates } from './builtins.ts';
import { findSlot, parseSlotKey, slotKey } from './template.ts';

// The shared folder sits beside the repo (CI clones it there); only tests read it, never the runtime.
const shared = new URL('../../../../shared/', import.meta.url);
const readShared = (path: string) => readFileSync(new URL(path, shared), 'utf8');

interface ReferenceSlot {
  index: number;
  kind: string;
  section: string;
  group: string;
  item: string;
  before: string;
  after: string;
}

const STATISTICS = ['daxinganling-2020', 'baodi-2021', 'liaoning-market-2020', 'changchun-industry-2019'];

describe('built-in statistics templates match ../shared/reference slot by slot', () => {
  for (const id of STATISTICS) {
    it(id, () => {
      const reference = JSON.parse(readShared(`reference/${id}.json`)) as {
        title: string;
        source: string;
        slots: ReferenceSlot[];
      };
      const template = getTemplate(id);
      expect(template, id).toBeDefined();
      if (!template) return;
      expect(template.title).toBe(reference.title);
      expect(template.source.file).toBe(reference.source);
      expect(template.slots.length).toBe(reference.slots.length);
      reference.slots.forEach((ref, i) => {
        const slot = template.slots[i];
        const got = slot && {
          index: slot.index,
          kind: slot.kind,
          section: slot.section,
          group: slot.group,
          item: slot.item,
          before: slot.before,
          after: slot.after,
        };
        expect(got, `${id} slot ${i}`).toEqual(ref);
      });
    });
  }

  it('gives every slot a unique id and a unit on counts', () => {
    for (const t of builtinTemplates()) {
      const ids = t.slots.map((s) => s.id);
      expect(new Set(ids).size, t.id).toBe(ids.length);
      for (const s of t.slots) {
        if (s.kind === 'number') expect(s.unit, `${t.id} ${s.index}`).not.toBe('');
        if (s.kind === 'percent') expect(s.unit).toBe('%');
      }
      // Every table slot belongs to exactly one row.
      const inRows = t.rows.flatMap((r) => r.slotIds);
      expect(new Set(inRows).size).toBe(inRows.length);
    }
  });
});

describe('built-ins are generated from the seeds by the importer', () => {
  it('regenerating from ../shared/seeds gives the committed seed-templates.json', () => {
    const regenerated = generateSeedTemplates((file) => readShared(`seeds/${file}`));
    const committed = builtinTemplates().filter((t) => SEED_SOURCES.some((s) => s.id === t.id));
    expect(regenerated).toEqual(committed);
  });

  it('fails loudly when a recorded correction no longer applies', () => {
    expect(() =>
      generateSeedTemplates((file) =>
        readShared(`seeds/${file}`).replace('沈行安全生产活动', '安全生产辽沈行活动'),
      ),
    ).toThrow(/correction not applicable/);
  });
});

describe('registry', () => {
  it('lists ids, titles and slot counts', () => {
    const list = listTemplates();
    expect(list.map((t) => t.id)).toEqual([...SEED_SOURCES.map((s) => s.id), 'liaison', 'plan']);
    expect(list.find((t) => t.id === 'daxinganling-2020')?.slotCount).toBe(87);
    expect(getTemplate('nope')).toBeUndefined();
  });

  it('builds and parses slot keys', () => {
    const t = getTemplate('baodi-2021');
    const slot = t?.slots[10];
    if (!t || !slot) throw new Error('missing');
    const key = slotKey(t.id, slot.id);
    expect(parseSlotKey(key)).toEqual({ templateId: 'baodi-2021', slotId: slot.id });
    expect(findSlot(t, slot.id)).toBe(slot);
    expect(() => parseSlotKey('no-slash')).toThrow();
  });
});
