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
}

interface SlotTotal {
  total: number;
  ids: Set<string>;
}

const SNAPSHOT_VERSION = 1;

/**
 * Statistics maintained incrementally: each changed entry moves its own contributions in or out of
 * the per-slot totals, so one edit costs O(its contributions), not a scan of the log.
 */
export class StatsIndex {
  readonly rows = new Map<string, EntrySummary>();
  private readonly totals = new Map<string, SlotTotal>();

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
    for (const [key, n] of Object.entries(row.contributions)) {
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

  contributions(key: string): Contribution[] {
    const t = this.totals.get(key);
    if (!t) return [];
    return [...t.ids]
      .map((id) => this.rows.get(id))
      .filter((r): r is EntrySummary => !!r)
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
        // Snapshots written before the 重点 mark existed have no 11th column.
        ...(r[10] === 1 && { highlight: true }),
      });
    }
    return { index, stamps: parsed.stamps };
  }
}
