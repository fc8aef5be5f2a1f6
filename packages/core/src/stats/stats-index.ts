import type { Contribution } from '../types.ts';

/** What the index keeps of an entry: enough for lists and statistics without loading its shard. */
export interface EntrySummary {
  id: string;
  date: string;
  title: string;
  kind: string;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
  deleted: boolean;
  /** Marked 重点 (see Entry.highlight). */
  highlight?: boolean;
  contributions: Record<string, number>;
  /** 地点, 主办单位, 协助单位 and 活动内容, one per line: what the list's search looks in besides the title. */
  words?: string;
}

interface SlotTotal {
  total: number;
  ids: Set<string>;
}

/** One day's sums per slot; `count` is how many live entries of that day add to the slot. */
interface DaySum {
  total: number;
  count: number;
}

/** Inclusive range of entry dates (YYYY-MM-DD); an open end is unbounded. */
export interface DateRange {
  from?: string;
  to?: string;
}

const within = (date: string, range: DateRange) =>
  (!range.from || date >= range.from) && (!range.to || date <= range.to);

// 2: rows carry the entry's other words (search); a version-1 snapshot is rebuilt from the shards.
const SNAPSHOT_VERSION = 2;

/**
 * Statistics maintained incrementally: each changed entry moves its own contributions in or out of
 * the per-slot totals, so one edit costs O(its contributions), not a scan of the log. The same sums are
 * kept per day too: a campaign has at most a few hundred distinct dates, so any date range is a sum over
 * its days' buckets, never over its entries.
 */
export class StatsIndex {
  readonly rows = new Map<string, EntrySummary>();
  private readonly totals = new Map<string, SlotTotal>();
  private readonly days = new Map<string, Map<string, DaySum>>();
  /** The days that have sums, sorted; rebuilt only when a day appears or empties. */
  private sortedDays: string[] | undefined;

  upsert(row: EntrySummary): void {
    const old = this.rows.get(row.id);
    if (old && !old.deleted) this.apply(old, -1);
    this.rows.set(row.id, row);
    if (!row.deleted) this.apply(row, 1);
  }

  remove(id: string): void {
    const old = this.rows.get(id);
    if (!old) return;
    if (!old.deleted) this.apply(old, -1);
    this.rows.delete(id);
  }

  private apply(row: EntrySummary, sign: 1 | -1): void {
    let day = this.days.get(row.date);
    if (!day && sign > 0) {
      day = new Map();
      this.days.set(row.date, day);
      this.sortedDays = undefined;
    }
    for (const [key, n] of Object.entries(row.contributions)) {
      if (day) {
        let d = day.get(key);
        if (!d) {
          d = { total: 0, count: 0 };
          day.set(key, d);
        }
        d.total += sign * n;
        d.count += sign;
        if (d.count === 0) day.delete(key);
      }
      let t = this.totals.get(key);
      if (!t) {
        t = { total: 0, ids: new Set() };
        this.totals.set(key, t);
      }
      t.total += sign * n;
      if (sign > 0) t.ids.add(row.id);
      else t.ids.delete(row.id);
      if (t.ids.size === 0) this.totals.delete(key);
    }
    if (day && day.size === 0) {
      this.days.delete(row.date);
      this.sortedDays = undefined;
    }
  }

  /** The days with sums inside the range, in order (binary search over the sorted days). */
  private daysIn(range: DateRange): string[] {
    if (!this.sortedDays) this.sortedDays = [...this.days.keys()].sort();
    const days = this.sortedDays;
    const lower = (x: string) => {
      let lo = 0;
      let hi = days.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((days[mid] as string) < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const start = range.from ? lower(range.from) : 0;
    // Past the last day <= to: the first day > to, i.e. lower(to + one code point).
    const end = range.to ? lower(`${range.to}\u0000`) : days.length;
    return days.slice(start, end);
  }

  /**
   * Sums per slot over the entries dated inside the range (inclusive), with how many entries add to each;
   * O(days in range × slots per day), independent of the number of entries.
   */
  rangeTotals(range: DateRange): Map<string, { total: number; count: number }> {
    const out = new Map<string, { total: number; count: number }>();
    for (const date of this.daysIn(range)) {
      for (const [key, d] of this.days.get(date) ?? []) {
        const t = out.get(key);
        if (t) {
          t.total += d.total;
          t.count += d.count;
        } else out.set(key, { total: d.total, count: d.count });
      }
    }
    for (const t of out.values()) t.total = Math.round(t.total * 1e9) / 1e9;
    return out;
  }

  /** Sum and number of live entries adding to a blank; undefined when none do. */
  total(key: string): { total: number; count: number } | undefined {
    const t = this.totals.get(key);
    // Round away float noise from repeated add/subtract of decimals (e.g. 0.1 + 0.2).
    return t ? { total: Math.round(t.total * 1e9) / 1e9, count: t.ids.size } : undefined;
  }

  slotKeys(): string[] {
    return [...this.totals.keys()];
  }

  /** The live entries adding to a blank (only those dated inside the range, when one is given). */
  contributions(key: string, range?: DateRange): Contribution[] {
    const t = this.totals.get(key);
    if (!t) return [];
    return [...t.ids]
      .map((id) => this.rows.get(id))
      .filter((r): r is EntrySummary => !!r && (!range || within(r.date, range)))
      .map((r) => ({
        entryId: r.id,
        title: r.title,
        date: r.date,
        by: r.createdBy,
        amount: r.contributions[key] ?? 0,
      }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.entryId < b.entryId ? -1 : 1));
  }

  /** Compact form for storage: rows as arrays, stamps say which stored updates it reflects. */
  toSnapshot(stamps: Record<string, string>): string {
    const rows = [...this.rows.values()].map((r) => [
      r.id,
      r.date,
      r.title,
      r.kind,
      r.createdBy,
      r.createdAt,
      r.updatedBy,
      r.updatedAt,
      r.deleted ? 1 : 0,
      r.contributions,
      r.highlight ? 1 : 0,
      r.words ?? '',
    ]);
    return JSON.stringify({ v: SNAPSHOT_VERSION, stamps, rows });
  }

  /** Returns undefined for a snapshot this version cannot read (then the shards are read instead). */
  static fromSnapshot(json: string): { index: StatsIndex; stamps: Record<string, string> } | undefined {
    let parsed: { v?: number; stamps?: Record<string, string>; rows?: unknown[][] };
    try {
      parsed = JSON.parse(json);
    } catch {
      return undefined;
    }
    if (parsed.v !== SNAPSHOT_VERSION || !Array.isArray(parsed.rows) || !parsed.stamps) return undefined;
    const index = new StatsIndex();
    for (const r of parsed.rows) {
      index.upsert({
        id: r[0] as string,
        date: r[1] as string,
        title: r[2] as string,
        kind: r[3] as string,
        createdBy: r[4] as string,
        createdAt: r[5] as number,
        updatedBy: r[6] as string,
        updatedAt: r[7] as number,
        deleted: r[8] === 1,
        contributions: r[9] as Record<string, number>,
        ...(r[10] === 1 && { highlight: true }),
        ...(typeof r[11] === 'string' && r[11] && { words: r[11] }),
      });
    }
    return { index, stamps: parsed.stamps };
  }
}
