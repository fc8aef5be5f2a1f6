// The portal fixtures at unit level (happy-dom, no browser): scan + match against truth.json, then the
// same pages with blanks removed and sections reversed, as other portals of the same notice might show
// them. Zero wrong matches always; the e2e test scores real fills in Chromium.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { liaisonSlots } from './liaison.ts';
import { match } from './match.ts';
import { slotsFromReference } from './reference-slots.ts';
import { scan } from './scan.ts';
import { page } from './test-dom.ts';
import { containment, similarity } from './text.ts';
import type { MatchSlot } from './types.ts';

const shared = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const own = fileURLToPath(new URL('../fixtures/', import.meta.url));

interface Truth {
  template: string;
  entry: string;
  fields: { frame: string; key: string; slot?: number | string; decoy?: boolean }[];
}

/** Single-document fixtures whose form is in the static HTML (frames and script-rendered pages need Chromium). */
const fixtures = [join(shared, 'portals'), own].flatMap((dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((d) => existsSync(join(dir, d, 'truth.json')))
        .map((d) => ({
          name: d,
          dir: join(dir, d),
          truth: JSON.parse(readFileSync(join(dir, d, 'truth.json'), 'utf8')) as Truth,
        }))
        .filter((f) => f.truth.fields.every((x) => x.frame === f.truth.entry))
        .filter((f) => {
          const doc = load(f.dir, f.truth.entry);
          const blanks = f.truth.fields.filter((x) => !x.decoy);
          return blanks.filter((x) => locate(doc, x.key)).length >= 0.9 * blanks.length;
        })
    : [],
);

const slotsFor = (template: string): MatchSlot[] =>
  template === 'liaison'
    ? liaisonSlots()
    : slotsFromReference(JSON.parse(readFileSync(join(shared, `reference/${template}.json`), 'utf8')));
const slotId = (template: string, slot: number | string) =>
  template === 'liaison' ? String(slot) : `s${slot}`;

function load(dir: string, entry: string): Document {
  const html = readFileSync(join(dir, entry), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return page(body.replace(/<script[\s\S]*?<\/script>/gi, ''));
}

function locate(doc: Document, key: string): Element | null {
  const [by, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  return by === 'id' ? doc.getElementById(value) : doc.querySelector(`[name="${value}"]`);
}

/** Matched slots per control against the truth: correct, wrong (another slot), missed. */
function judge(doc: Document, truth: Truth, slots: MatchSlot[]) {
  const matches = match(scan(doc), slots);
  const byControl = new Map(
    matches.filter((m) => m.status === 'matched').map((m) => [m.field.control as Element, m]),
  );
  let correct = 0;
  const wrong: string[] = [];
  const missed: string[] = [];
  let total = 0;
  for (const f of truth.fields) {
    const el = locate(doc, f.key);
    if (!el) continue; // removed by a mutation
    const m = byControl.get(el);
    if (f.decoy) {
      if (m) wrong.push(`decoy ${f.key} → ${m.slotId}`);
      continue;
    }
    total++;
    const want = slotId(truth.template, f.slot as number | string);
    if (!m) missed.push(f.key);
    else if (m.slotId === want) correct++;
    else wrong.push(`${f.key} → ${m.slotId}, want ${want}`);
  }
  return { correct, total, wrong, missed };
}

/** mulberry32: a seeded generator so a failing mutation can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
  const slots = slotsFor(fixture.truth.template);

  test('as published: every blank matched, none wrong', () => {
    const r = judge(load(fixture.dir, fixture.truth.entry), fixture.truth, slots);
    expect(r.wrong).toEqual([]);
    expect(r.correct / r.total).toBeGreaterThanOrEqual(0.98);
  });

  test.each([1, 2, 3])('a portal that leaves out a third of the blanks (seed %i): none wrong', (seed) => {
    const doc = load(fixture.dir, fixture.truth.entry);
    const next = random(seed);
    const bySlot = new Map<string, string[]>();
    for (const f of fixture.truth.fields) {
      if (f.decoy) continue;
      bySlot.set(String(f.slot), [...(bySlot.get(String(f.slot)) ?? []), f.key]);
    }
    for (const keys of bySlot.values()) {
      if (next() < 0.33) for (const key of keys) locate(doc, key)?.remove();
    }
    const r = judge(doc, fixture.truth, slots);
    expect(r.wrong).toEqual([]);
    // Leaving blanks out can make neighbours genuinely ambiguous: those may be unsure, never wrong. On a
    // grid that also rewords every name, the rows left between the gaps have only their words.
    expect(r.correct / r.total).toBeGreaterThanOrEqual(fixture.name.startsWith('reworded-') ? 0.6 : 0.8);
  });

  test.each([1, 2])(
    'a portal that asks for more than the template (seed %i): extra blanks stay unmatched',
    (seed) => {
      const doc = load(fixture.dir, fixture.truth.entry);
      const next = random(seed);
      const extras: Element[] = [];
      const phrases = ['其中线上', '其他', '其中重点企业', '另有'];
      for (const f of fixture.truth.fields) {
        if (f.decoy || f.key.includes('_0') || next() > 0.25) continue;
        const el = locate(doc, f.key);
        if (el?.localName !== 'input' || (el as HTMLInputElement).type !== 'text') continue;
        const extra = doc.createElement('input');
        extra.name = `extra${extras.length}`;
        const unit = ['场', '人次', '项', '个'][Math.floor(next() * 4)] as string;
        const phrase = phrases[Math.floor(next() * phrases.length)] as string;
        el.after(doc.createTextNode(`，${phrase}（`), extra, doc.createTextNode(`）${unit}`));
        extras.push(extra);
      }
      expect(extras.length).toBeGreaterThan(0);
      const matches = match(scan(doc), slots);
      expect(matches.filter((m) => extras.includes(m.field.control))).toHaveLength(extras.length);
      const taken = matches.filter((m) => extras.includes(m.field.control) && m.status === 'matched');
      expect(taken.map((m) => `${m.field.control.getAttribute('name')} → ${m.slotId}`)).toEqual([]);
      expect(judge(doc, fixture.truth, slots).wrong).toEqual([]);
    },
  );

  test('a portal that puts the header fields at the bottom: still matched by label', () => {
    const doc = load(fixture.dir, fixture.truth.entry);
    const header = fixture.truth.fields.find((f) => f.slot === 0 && fixture.truth.template !== 'liaison');
    const block = header && locate(doc, header.key)?.closest('table, fieldset, p');
    const tableBlank = fixture.truth.fields.find((f) => typeof f.slot === 'number' && f.slot > 3);
    const inner = tableBlank && locate(doc, tableBlank.key);
    if (!block || (inner && block.contains(inner))) return; // no separate header block on this page
    doc.body.append(block);
    const r = judge(doc, fixture.truth, slots);
    expect(r.wrong).toEqual([]);
    expect(r.correct / r.total).toBeGreaterThanOrEqual(0.98);
  });
});

// The wrong table for the page (another notice's, or the wrong one picked): whatever lines up by order
// and unit may be offered, but only a blank about the same activity in the same words is filled unasked.
describe('a page matched with another notice’s table', () => {
  const references = ['daxinganling-2020', 'baodi-2021', 'changchun-industry-2019', 'liaoning-market-2020'];
  const reference = (id: string) =>
    JSON.parse(readFileSync(join(shared, `reference/${id}.json`), 'utf8')) as {
      slots: { index: number; item: string; before: string; after: string }[];
    };
  const pages = fixtures.filter((f) => references.includes(f.truth.template));
  test.each(
    pages.flatMap((f) =>
      references.filter((r) => r !== f.truth.template).map((r) => [f.name, r, f] as const),
    ),
  )('%s with %s', (_, other, fixture) => {
    const doc = load(fixture.dir, fixture.truth.entry);
    const own = reference(fixture.truth.template).slots;
    const theirs = reference(other).slots;
    const near = (a: string, b: string) => Math.max(containment(a, b), containment(b, a)) >= 0.8;
    const filled = match(scan(doc), slotsFor(other)).filter((m) => m.status === 'matched');
    const astray = filled.flatMap((m) => {
      const truth = fixture.truth.fields.find(
        (f) => f.key !== undefined && locate(doc, f.key) === m.field.control,
      );
      const mine = typeof truth?.slot === 'number' ? own[truth.slot] : undefined;
      const given = theirs[Number(m.slotId?.slice(1))];
      if (!mine || !given) return [`${m.field.key} → ${m.slotId}`];
      // The same blank: the same words (where both have words), about the same activity, or a long
      // enough question asked in the same words under a renamed activity (强化组织领导 / 加强组织领导).
      const words = !mine.before || !given.before || similarity(mine.before, given.before) >= 0.5;
      const about =
        mine.item || given.item
          ? near(mine.item, given.item) || (mine.before.length >= 8 && near(mine.before, given.before))
          : near(mine.before, given.before);
      const same = words && about;
      return same ? [] : [`${mine.item}|${mine.before} → ${given.item}|${given.before}`];
    });
    expect(astray).toEqual([]);
  });
});
