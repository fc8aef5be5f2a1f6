import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { slotsFromReference } from './reference-slots.ts';
import { scan } from './scan.ts';
import { scorePair } from './score.ts';
import { ROW_ITEM, scorePairs } from './score-pairs.ts';
import { slotInfos } from './slot-info.ts';
import { targetsOf } from './target.ts';
import { page } from './test-dom.ts';

const shared = new URL('../../../../shared/', import.meta.url);

describe('scorePairs', () => {
  test('the fast table gives the same scores, best phrases and row agreement as scorePair', () => {
    const html = readFileSync(new URL('portals/daxinganling-2020-table/index.html', shared), 'utf8');
    const doc = page(/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html);
    const targets = targetsOf(scan(doc));
    const infos = slotInfos(
      slotsFromReference(
        JSON.parse(readFileSync(new URL('reference/daxinganling-2020.json', shared), 'utf8')),
      ),
    );
    const table = scorePairs(targets, infos);
    expect(table.count).toBeGreaterThan(targets.length);
    for (let k = 0; k < table.count; k++) {
      const t = targets[table.i[k] as number];
      const s = infos[table.j[k] as number];
      if (!t || !s) throw new Error('pair out of range');
      const slow = scorePair(t, s);
      expect(table.s[k]).toBeCloseTo(slow.score, 5);
      // The reason shown to the user is built from these, so they must agree too.
      const best = table.phrase[k] as number;
      expect(best === 0xffff ? '' : t.phrases[best >> 8]).toBe(slow.pageText);
      expect(best === 0xffff ? '' : s.phrases[best & 0xff]).toBe(slow.slotText);
      expect(((table.row[k] as number) & ROW_ITEM) === ROW_ITEM).toBe(slow.row);
    }
  });
});
