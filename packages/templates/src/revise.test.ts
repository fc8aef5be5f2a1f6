import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableSection } from './builtin/generate.ts';
import { SEED_SOURCES } from './builtin/seed-sources.ts';
import { getTemplate } from './builtins.ts';
import { importTable } from './import-table.ts';
import { reviseTemplate } from './revise.ts';
import { resolveSlotKey, slotKey } from './template.ts';

const source = SEED_SOURCES.find((s) => s.id === 'baodi-2021');
if (!source) throw new Error('no baodi-2021 source');
const seed = readFileSync(new URL(`../../../../shared/seeds/${source.file}`, import.meta.url), 'utf8');
const table = tableSection(seed, source);

describe('a template revision keeps a stored unit log working', () => {
  const v1 = getTemplate('baodi-2021');
  if (!v1) throw new Error('no baodi-2021');
  // Next year's reissue of the table: a row inserted at the top, a phrase reworded, one blank dropped.
  const reissued = table
    .replace(
      '\t活动项目\n\t内容要求\n\t进展情况\n',
      '\t活动项目\n\t内容要求\n\t进展情况\n\n\t新增活动\n\t新要求\n\t开展新活动（  ）场\n',
    )
    .replace('研讨体会(   )篇', '研讨体会文章(   )篇')
    .replace('、专访视频(   )个', '');
  const v2raw = importTable(reissued, { id: 'baodi-2021' }).template;
  const { template: v2, carried, removed, added } = reviseTemplate(v1, v2raw);

  it('bumps the version and reports what changed', () => {
    expect(v2.version).toBe(2);
    const reworded = v1.slots.find((s) => s.before === '研讨体会');
    const dropped = v1.slots.find((s) => s.before === '专访视频');
    expect(carried).toEqual([
      { from: reworded?.id, to: v2.slots.find((s) => s.before === '研讨体会文章')?.id },
    ]);
    expect(removed).toEqual([dropped?.id]);
    expect(added).toEqual([v2.slots.find((s) => s.before === '开展新活动')?.id]);
  });

  it('resolves every v1 key to the same blank in v2, except the dropped one', () => {
    // A unit log as stored: a value under every v1 slot key.
    const log = Object.fromEntries(v1.slots.map((s) => [slotKey(v1.id, s.id), s.index]));
    const moved: Record<string, number> = {};
    for (const [key, value] of Object.entries(log)) {
      const to = resolveSlotKey(v2, key);
      if (to) moved[to] = value;
    }
    expect(Object.keys(moved)).toHaveLength(v1.slots.length - 1);
    for (const s of v1.slots) {
      if (s.before === '专访视频') continue;
      const key = resolveSlotKey(v2, slotKey(v1.id, s.id));
      const target = v2.slots.find((x) => slotKey(v2.id, x.id) === key);
      // Same row, same kind; the index moved down by the inserted row's blank (and up past the dropped one).
      expect(target?.item, s.before).toBe(s.item);
      expect(target?.kind).toBe(s.kind);
      const expectedIndex = s.index + (s.section === 'table' ? 1 : 0) - (s.index > 13 ? 1 : 0);
      expect(target?.index, s.before).toBe(expectedIndex);
    }
  });

  it('keeps aliases across further revisions', () => {
    const v3 = reviseTemplate(v2, importTable(reissued, { id: 'baodi-2021' }).template).template;
    expect(v3.version).toBe(3);
    const reworded = v1.slots.find((s) => s.before === '研讨体会');
    expect(resolveSlotKey(v3, slotKey(v1.id, reworded?.id ?? ''))).toBe(
      slotKey(v3.id, v3.slots.find((s) => s.before === '研讨体会文章')?.id ?? ''),
    );
    expect(resolveSlotKey(v3, 'other-template/x')).toBeUndefined();
  });
});
