import { type Deadline, type MediaHint, stableHash } from '@tianbao/templates';
import { ulid } from 'ulid';
import * as Y from 'yjs';
import { LogFileError, LogInputError } from '../errors.ts';
import { describeRange } from '../periods/date-text.ts';
import { type NoticeRecord, validateNotice } from '../periods/notice-record.ts';
import type { PeriodMode } from '../periods/reporting-periods.ts';
import {
  type ScheduleEdits,
  validateDeadline,
  validateMedia,
  validateScheduleEdit,
} from '../periods/schedule-edits.ts';
import { type DateRange, type EntrySummary, StatsIndex } from '../stats/stats-index.ts';
import type {
  AttachmentRef,
  Contribution,
  Entry,
  EntryFields,
  LogMeta,
  ManualValue,
  Plan,
  PlanFields,
  Profile,
  SlotStat,
} from '../types.ts';
import { changedKeys } from './changed-keys.ts';
import {
  type ChangeOrigin,
  CONTRIBUTION_PREFIX,
  DEFAULT_SHARDS,
  newDoc,
  originKind,
  ROOT,
  shardName,
  shardOf,
} from './doc-layout.ts';
import { readContributions, readEntry, readPlan, type Stamp } from './entry-codec.ts';
import { entryWrites, fieldLabel, revertKeys, type SeenFields, staleKeys } from './entry-writes.ts';
import { isLogId, isUnitId, RECORD_ID } from './ids.ts';
import { importEntryId } from './import-id.ts';
import { everKeys, keyWrites, lostCopyWrites } from './item-chain.ts';
import { NUMBER_PROBLEM, numberProblem } from './number-rules.ts';
import {
  storedEntryProblems,
  storedManualProblems,
  storedPlanProblems,
  storedProfileProblems,
} from './stored-records.ts';
import { parseTime } from './times.ts';
import { UndoStack } from './undo-stack.ts';
import {
  ENTRY_TEXT_FIELDS,
  isValidDate,
  kindSafe,
  MAX_NAME,
  PROFILE_FIELDS,
  type SlotKindOf,
  validateEntryFields,
  validateManualValue,
  validatePerson,
  validatePlanFields,
  validateProfile,
} from './validate.ts';

/** The two units of a confirmed choice of another unit's blank: the page control's and the blank's. */
export interface MappingUnits {
  page: string;
  blank: string;
}

const isAcrossUnits = (v: unknown): v is { slotId: string; page: string; blank: string } =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as { slotId?: unknown }).slotId === 'string' &&
  typeof (v as { page?: unknown }).page === 'string' &&
  typeof (v as { blank?: unknown }).blank === 'string';

/** A withdrawn portal mapping (see clearMapping). */
const CLEARED = '\u0000auto';

export const SCHEMA_VERSION = 1;

export interface CreateLogOptions {
  unitName: string;
  campaign: string;
  templateIds?: string[];
  user: string;
  unitId?: string;
  logId?: string;
  shards?: number;
}

export interface EntryFilter {
  from?: string;
  to?: string;
  kind?: string;
  author?: string;
  /** false (default): live only; true: deleted only; 'any': both. */
  deleted?: boolean | 'any';
  search?: string;
}

export interface HistoryEvent {
  /** The Yjs write: `<client>:<clock>`. */
  id: string;
  field: string;
  value: unknown;
  by: string;
  at: number;
  /** A concurrent write that lost to another (see conflicts). */
  lost: boolean;
}

export interface Conflict {
  id: string;
  target: 'entry' | 'plan' | 'profile' | 'value';
  targetId: string;
  field: string;
  lostValue: unknown;
  lostBy: string;
  keptValue: unknown;
  keptBy: string;
  /** Not a concurrent write: the kept value was saved from a form that had not shown the lost one. */
  stale?: boolean;
}

export interface LogChange {
  origin: ChangeOrigin['kind'];
  docs: string[];
}

type YMap = Y.Map<unknown>;
type Listener = (change: LogChange) => void;

const isYMap = (v: unknown): v is YMap => v instanceof Y.Map;
const manualText = (v: unknown) => (v === true ? '是' : v === false ? '否' : String(v));
/** Author/time stamps change on every edit by design; concurrent ones are not conflicts. */
const STAMPS = ['created', 'updated'];
/** Code-point order: ISO dates and ids sort right, and it is far cheaper than localeCompare on 10k rows. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const inFilter = (r: EntrySummary | Entry, f: EntryFilter, deleted: boolean) =>
  (f.deleted === 'any' || (f.deleted ?? false) === deleted) &&
  (!f.from || r.date >= f.from) &&
  (!f.to || r.date <= f.to) &&
  (!f.kind || r.kind === f.kind) &&
  (!f.author || r.createdBy === f.author || r.updatedBy === f.author) &&
  (!f.search || matchesSearch(r, f.search));

/** Every word typed (separated by spaces) appears in the title, 地点, 主办/协助单位 or 活动内容. */
export function matchesSearch(r: EntrySummary | Entry, search: string): boolean {
  const words = 'location' in r ? entryWords(r) : (r.words ?? '');
  const hay = `${r.title}\n${words}`;
  return search
    .trim()
    .split(/\s+/u)
    .every((w) => hay.includes(w));
}

/** The words of an entry, besides its title, that the list's search looks in. */
const entryWords = (e: Pick<Entry, 'location' | 'organizer' | 'partners' | 'description'>) =>
  [e.location, e.organizer, e.partners, e.description].filter(Boolean).join('\n');

/**
 * One unit's log for one campaign: a root document and entry shards (see doc-layout.ts), with a typed
 * API that validates every input before touching a document, so nothing is half-applied.
 */
export class UnitLog {
  private _index = new StatsIndex();
  private readonly shards: (Y.Doc | undefined)[];
  private readonly listeners = new Set<Listener>();
  private readonly clientID: number;
  private readonly undoStack = new UndoStack();
  kindOf: SlotKindOf | undefined;
  now: () => number = Date.now;

  private constructor(
    readonly root: Y.Doc,
    shardCount: number,
    public user: string,
  ) {
    this.clientID = root.clientID;
    this.shards = new Array(shardCount).fill(undefined);
    root.on('afterTransaction', (tr: Y.Transaction) => this.emit(tr.origin, [ROOT], tr));
  }

  /** A new, empty log. */
  static create(opts: CreateLogOptions): UnitLog {
    const unitName = opts.unitName.trim();
    if (!unitName) throw new LogInputError('unitName', 'is required', '请填写单位名称');
    if (!opts.campaign.trim()) throw new LogInputError('campaign', 'is required', '请填写专项活动名称');
    if (unitName.length > MAX_NAME)
      throw new LogInputError(
        'unitName',
        `is longer than ${MAX_NAME} characters`,
        `单位名称不能超过${MAX_NAME}个字`,
      );
    if (opts.campaign.trim().length > MAX_NAME)
      throw new LogInputError(
        'campaign',
        `is longer than ${MAX_NAME} characters`,
        `专项活动名称不能超过${MAX_NAME}个字`,
      );
    // The relay's document names: a log it would refuse (or a path such as ../../etc) is never created.
    if (opts.unitId !== undefined && !isUnitId(opts.unitId))
      throw new LogInputError('unitId', 'must be 1–64 letters, digits, _ or -', '单位编号格式不正确');
    if (opts.logId !== undefined && !isLogId(opts.logId))
      throw new LogInputError(
        'logId',
        'must be 1–120 letters, digits, _ : . or - and not start with a dot',
        '台账编号格式不正确',
      );
    const root = newDoc();
    const shards = opts.shards ?? DEFAULT_SHARDS;
    const log = new UnitLog(root, shards, opts.user);
    log.transact(root, () => {
      const meta = root.getMap('meta');
      meta.set('logId', opts.logId ?? ulid());
      meta.set('unitId', opts.unitId ?? ulid());
      meta.set('unitName', unitName);
      meta.set('campaign', opts.campaign.trim());
      meta.set('templateIds', opts.templateIds ?? []);
      meta.set('schemaVersion', SCHEMA_VERSION);
      meta.set('shards', shards);
    });
    for (let i = 0; i < shards; i++) log.attachShard(i, newDoc());
    return log;
  }

  /** A log around a root document already holding its meta (loaded from storage or a file). */
  static fromRoot(root: Y.Doc, user: string): UnitLog {
    const meta = root.getMap('meta');
    const shards = meta.get('shards');
    if (typeof meta.get('logId') !== 'string' || typeof shards !== 'number' || shards < 1)
      throw new LogFileError('not-a-log', 'this data is not a Tianbao log', '这不是填报助手的台账数据');
    if ((meta.get('schemaVersion') as number) > SCHEMA_VERSION)
      throw new LogFileError(
        'unsupported-version',
        'this log was written by a newer Tianbao; update first',
        '此台账由新版本填报助手创建，请先升级',
      );
    return new UnitLog(root, shards, user);
  }

  get index(): StatsIndex {
    return this._index;
  }

  /** Takes over a stored statistics index; only before any shard is loaded, which would re-index. */
  adoptIndex(index: StatsIndex): void {
    if (this.shards.some(Boolean)) throw new Error('adoptIndex after a shard was loaded');
    this._index = index;
  }

  // ---- documents ----------------------------------------------------------------------------

  get shardCount(): number {
    return this.shards.length;
  }

  docNames(): string[] {
    return [ROOT, ...this.shards.map((_, i) => shardName(i))];
  }

  doc(name: string): Y.Doc | undefined {
    if (name === ROOT) return this.root;
    const i = Number(name.slice(1));
    return this.shards[i];
  }

  isShardLoaded(i: number): boolean {
    return this.shards[i] !== undefined;
  }

  shardIndexOf(entryId: string): number {
    return shardOf(entryId, this.shards.length);
  }

  /** Adds a loaded shard; its entries replace whatever the index had for that shard. */
  attachShard(i: number, doc: Y.Doc, opts: { reindex?: boolean } = {}): void {
    if (this.shards[i]) throw new Error(`shard ${i} is already attached`);
    doc.clientID = this.clientID;
    this.shards[i] = doc;
    const entries = doc.getMap('entries') as Y.Map<YMap>;
    if (opts.reindex ?? true) {
      for (const row of [...this.index.rows.values()]) {
        if (this.shardIndexOf(row.id) === i && !entries.has(row.id)) this.index.remove(row.id);
      }
      for (const [id, m] of entries) this.reindex(id, m);
    }
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      const ids = changedKeys(tr, entries);
      const check = originKind(tr.origin) !== 'storage';
      for (const id of ids) {
        const m = entries.get(id);
        if (m) this.reindex(id, m);
        else this.index.remove(id);
        // What a peer or a tab wrote past the rules: kept (nothing is lost), flagged until someone fixes it.
        const problems = check && m ? storedEntryProblems(id, m, this.kindOf) : [];
        if (problems.length) this.invalid.set(id, problems);
        else this.invalid.delete(id);
      }
      this.refreshConflicts(i, entries, ids);
      this.emit(tr.origin, [shardName(i)], tr);
    });
  }

  /** Entries whose stored data breaks the rules (written by a peer or a tab), by id; see invalidEntries. */
  private readonly invalid = new Map<string, LogInputError[]>();

  /**
   * Entries that arrived by sync holding what the forms and import-json refuse (a 10,000-character title,
   * 2.5 场次, a time in the year -3e9). They stay in the log so nothing is lost; the blanks they add to
   * show an error naming them instead of a sum, until someone corrects or deletes them.
   */
  invalidEntries(): { id: string; problems: LogInputError[] }[] {
    return [...this.invalid].map(([id, problems]) => ({ id, problems }));
  }

  /** A live flagged entry adding to this blank, if any. */
  private invalidFor(key: string): { id: string; title: string; problem: LogInputError } | undefined {
    // In id order: every replica names the same entry, whatever order the updates arrived in.
    for (const [id, problems] of [...this.invalid].sort(([x], [y]) => cmp(x, y))) {
      const m = this.shards[this.shardIndexOf(id)]?.getMap('entries').get(id);
      if (!isYMap(m) || m.get('deleted') || !m.has(CONTRIBUTION_PREFIX + key)) continue;
      const title = typeof m.get('title') === 'string' ? (m.get('title') as string).slice(0, 40) : id;
      return { id, title, problem: problems[0] as LogInputError };
    }
    return undefined;
  }

  private shardFor(id: string): Y.Doc {
    const i = this.shardIndexOf(id);
    const doc = this.shards[i];
    if (!doc)
      throw new LogFileError('not-loaded', `entry shard ${i} is not loaded yet`, '台账还在加载，请稍候再试');
    return doc;
  }

  private reindex(id: string, m: YMap): void {
    const created = (m.get('created') as Stamp | undefined) ?? ['', 0];
    const updated = (m.get('updated') as Stamp | undefined) ?? created;
    this.index.upsert({
      id,
      date: (m.get('date') as string) ?? '',
      title: (m.get('title') as string) ?? '',
      kind: (m.get('kind') as string) ?? '',
      createdBy: created[0],
      createdAt: created[1],
      updatedBy: updated[0],
      updatedAt: updated[1],
      deleted: !!m.get('deleted'),
      ...(m.get('highlight') === true && { highlight: true }),
      contributions: readContributions(m),
      words: entryWords({
        location: (m.get('location') as string) ?? '',
        organizer: (m.get('organizer') as string) ?? '',
        partners: (m.get('partners') as string) ?? '',
        description: (m.get('description') as string) ?? '',
      }),
    });
  }

  transact(doc: Y.Doc, fn: () => void, origin?: ChangeOrigin): void {
    doc.transact(fn, origin ?? { kind: 'local', user: this.user });
    if (!origin || origin.kind === 'local') this.registerClient();
  }

  /** Which person a Yjs client id belongs to, for history and conflicts of fields that carry no author. */
  private registerClient(): void {
    const clients = this.root.getMap('clients');
    const key = String(this.clientID);
    if (clients.get(key) !== this.user)
      this.root.transact(() => clients.set(key, this.user), { kind: 'local', user: this.user });
  }

  private userOf(client: number): string {
    const u = this.root.getMap('clients').get(String(client));
    return typeof u === 'string' ? u : '未知';
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(origin: unknown, docs: string[], tr: Y.Transaction): void {
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    for (const l of this.listeners) l({ origin: originKind(origin), docs });
  }

  // ---- meta -----------------------------------------------------------------------------------

  meta(): LogMeta {
    const m = this.root.getMap('meta');
    return {
      logId: m.get('logId') as string,
      unitId: m.get('unitId') as string,
      unitName: m.get('unitName') as string,
      campaign: m.get('campaign') as string,
      templateIds: (m.get('templateIds') as string[]) ?? [],
      schemaVersion: m.get('schemaVersion') as number,
    };
  }

  setTemplateIds(ids: string[]): void {
    this.transact(this.root, () => this.root.getMap('meta').set('templateIds', [...ids]));
  }

  /**
   * A short fingerprint of the log's exact state: every document's Yjs snapshot (what it has seen and what
   * was deleted; gc is off, so the state can be rebuilt from it). Copies that agree hold the same data, and a
   * document generated from the log records it, so a reviewer can tell later whether the log changed since.
   * Needs every shard loaded.
   */
  stateDigest(): string {
    const parts = this.docNames().map((name) => {
      const doc = this.doc(name);
      if (!doc)
        throw new LogFileError(
          'not-loaded',
          `entry shard ${name} is not loaded yet`,
          '台账还在加载，请稍候再试',
        );
      const bytes = Y.encodeSnapshotV2(Y.snapshot(doc));
      let text = '';
      for (const b of bytes) text += String.fromCharCode(b);
      return `${name}:${text}`;
    });
    return stableHash(parts.join('\n'));
  }

  // ---- entries --------------------------------------------------------------------------------

  addEntry(
    fields: unknown,
    opts: {
      id?: string;
      createdBy?: string;
      createdAt?: number;
      updatedBy?: string;
      updatedAt?: number;
    } = {},
  ): string {
    const clean = validateEntryFields(fields, { partial: false, kindOf: this.kindOf }) as EntryFields;
    if (opts.id !== undefined && !RECORD_ID.test(opts.id))
      throw new LogInputError('id', 'must be 1–64 letters, digits, _ or -', '活动编号格式不正确');
    for (const f of ['createdAt', 'updatedAt'] as const) if (opts[f] !== undefined) parseTime(f, opts[f]);
    for (const f of ['createdBy', 'updatedBy'] as const)
      if (opts[f] !== undefined) validatePerson(f, opts[f]);
    const id = opts.id ?? ulid();
    const doc = this.shardFor(id);
    const entries = doc.getMap('entries') as Y.Map<YMap>;
    if (entries.has(id)) throw new LogInputError('id', `entry ${id} exists already`, '该活动已存在');
    const at = opts.createdAt ?? this.now();
    const by = opts.createdBy ?? this.user;
    this.transact(doc, () =>
      this.writeEntry(entries, id, clean, [by, at], [opts.updatedBy ?? by, opts.updatedAt ?? at]),
    );
    this.undoStack.push({
      label: `新增活动“${clean.title}”`,
      undo: () => {
        this.deleteEntry(id, { undoable: false });
        return [];
      },
    });
    return id;
  }

  private writeEntry(entries: Y.Map<YMap>, id: string, clean: EntryFields, created: Stamp, updated: Stamp) {
    const m = new Y.Map<unknown>();
    entries.set(id, m);
    for (const f of ENTRY_TEXT_FIELDS) m.set(f, clean[f]);
    if (clean.attachments.length) m.set('attachments', clean.attachments);
    for (const [k, n] of Object.entries(clean.contributions)) m.set(CONTRIBUTION_PREFIX + k, n);
    if (clean.highlight) m.set('highlight', true);
    if (clean.importKey) m.set('importKey', clean.importKey);
    m.set('created', created);
    m.set('updated', updated);
  }

  /**
   * Imports rows of a spreadsheet, skipping those whose import key is already in the log or earlier in `rows`,
   * so importing a file twice adds nothing. A row whose entry was deleted is skipped too, unless
   * `reimportDeleted`: then that entry is rewritten from the row and restored (imported with the wrong
   * columns, deleted, imported again). Every row is validated before any is written (a bad row throws, naming
   * `rows[i]`, and nothing is applied); then one transaction per shard. An imported entry's id derives from its
   * key, so the same row imported on two replicas offline becomes one entry when they sync. Needs every
   * shard loaded, to see every key.
   */
  importEntries(
    rows: readonly (EntryFields & { importKey: string })[],
    opts: { reimportDeleted?: boolean; source?: string } = {},
  ): { added: string[]; restored: string[]; skipped: number } {
    const missing = this.shards.findIndex((d) => !d);
    if (missing >= 0)
      throw new LogFileError(
        'not-loaded',
        `entry shard ${missing} is not loaded yet`,
        '台账还在加载，请稍候再试',
      );
    const clean = rows.map((r, i) => {
      const c = validateEntryFields(r, {
        partial: false,
        path: `rows[${i}]`,
        kindOf: this.kindOf,
      }) as EntryFields;
      if (!c.importKey) throw new LogInputError(`rows[${i}].importKey`, 'is required', '缺少导入编号');
      return c as EntryFields & { importKey: string };
    });
    // Entries by import key; an entry added by addEntry with a key counts as well as an imported one.
    const known = new Map<string, { id: string; deleted: boolean }>();
    for (const doc of this.shards as Y.Doc[]) {
      for (const [id, m] of doc.getMap('entries') as Y.Map<YMap>) {
        const k = m.get('importKey');
        if (typeof k === 'string') known.set(k, { id, deleted: !!m.get('deleted') });
      }
    }
    const byShard = new Map<number, { id: string; fields: EntryFields; restore: boolean }[]>();
    const added: string[] = [];
    const restored: string[] = [];
    const taken = new Set<string>();
    for (const fields of clean) {
      if (taken.has(fields.importKey)) continue;
      taken.add(fields.importKey);
      const old = known.get(fields.importKey);
      let id: string;
      if (old) {
        if (!old.deleted || !opts.reimportDeleted) continue;
        id = old.id;
        restored.push(id);
      } else {
        id = importEntryId(fields.importKey);
        if (this.shards[this.shardIndexOf(id)]?.getMap('entries').has(id)) continue;
        added.push(id);
      }
      const i = this.shardIndexOf(id);
      const list = byShard.get(i) ?? [];
      list.push({ id, fields, restore: !!old });
      byShard.set(i, list);
    }
    const stamp: Stamp = [this.user, this.now()];
    // The change says it came from a file (`source`: its name), so lists and audit can tell it from typing.
    const origin: ChangeOrigin = { kind: 'import', source: opts.source ?? 'spreadsheet' };
    for (const [i, list] of byShard) {
      const doc = this.shards[i] as Y.Doc;
      const entries = doc.getMap('entries') as Y.Map<YMap>;
      this.transact(
        doc,
        () => {
          for (const { id, fields, restore } of list) {
            if (restore) this.rewriteEntry(entries.get(id) as YMap, fields, stamp);
            else this.writeEntry(entries, id, fields, stamp, stamp);
          }
        },
        origin,
      );
    }
    if (byShard.size) this.registerClient();
    return { added, restored, skipped: rows.length - added.length - restored.length };
  }

  /** A deleted entry takes a row's fields again (only what differs is written) and leaves the trash. */
  private rewriteEntry(m: YMap, clean: EntryFields, stamp: Stamp): void {
    for (const f of ENTRY_TEXT_FIELDS) if (m.get(f) !== clean[f]) m.set(f, clean[f]);
    if (clean.attachments.length || m.has('attachments')) m.set('attachments', clean.attachments);
    if (!!clean.highlight !== (m.get('highlight') === true)) m.set('highlight', !!clean.highlight);
    for (const k of [...m.keys()]) {
      if (k.startsWith(CONTRIBUTION_PREFIX) && !(k.slice(CONTRIBUTION_PREFIX.length) in clean.contributions))
        m.delete(k);
    }
    for (const [k, n] of Object.entries(clean.contributions))
      if (m.get(CONTRIBUTION_PREFIX + k) !== n) m.set(CONTRIBUTION_PREFIX + k, n);
    m.set('deleted', null);
    m.set('updated', stamp);
  }

  private entryMap(id: string): YMap {
    const m = (this.shardFor(id).getMap('entries') as Y.Map<YMap>).get(id);
    if (!isYMap(m)) throw new LogInputError('id', `no entry ${id}`, '找不到这条活动记录');
    return m;
  }

  /**
   * Changes only the fields given. `contributions` lists the slots to change: a number sets it,
   * 0 removes it; slots not named are left alone, so two people adding different blanks both win.
   */
  updateEntry(id: string, patch: unknown, opts: { seen?: SeenFields; undoable?: boolean } = {}): void {
    const clean = validateEntryFields(patch, { partial: true, kindOf: this.kindOf });
    const m = this.entryMap(id);
    // The key ties the entry to its spreadsheet row; the same value (a whole record sent back) is fine.
    if (clean.importKey !== undefined && clean.importKey !== m.get('importKey'))
      throw new LogInputError('importKey', 'cannot be changed', '导入编号不能修改');
    const rawContrib = (patch as { contributions?: Record<string, number> }).contributions;
    const writes = entryWrites(m, clean, rawContrib);
    // A value changed by someone else after the form showed it: overwriting it is a conflict for both.
    const stale = opts.seen ? staleKeys(m, writes, opts.seen) : [];
    const lost = stale.map((key) => ({ key, value: m.get(key), by: this.lastWriter(m, key) }));
    const before = new Map([...writes.keys()].map((k) => [k, m.get(k)]));
    this.transact(this.shardFor(id), () => {
      for (const [k, v] of writes) {
        if (v === undefined) m.delete(k);
        else m.set(k, v);
      }
      m.set('updated', [this.user, this.now()]);
    });
    if (lost.length)
      this.transact(this.root, () => {
        const map = this.root.getMap('stale');
        for (const l of lost)
          map.set(ulid(), {
            target: 'entry',
            targetId: id,
            field: l.key,
            lostValue: l.value ?? null,
            lostBy: l.by,
            keptBy: this.user,
            at: this.now(),
          });
      });
    if (writes.size && opts.undoable !== false) {
      const title = (m.get('title') as string) ?? '';
      const names = [...writes.keys()].map((k) => fieldLabel(k));
      this.undoStack.push({
        label: `修改“${title}”的${[...new Set(names)].join('、')}`,
        undo: () => this.revertEntry(id, m, before, writes),
      });
    }
  }

  /** Which of these fields would overwrite a value changed by someone else since the form showed it. */
  staleFields(
    id: string,
    patch: unknown,
    seen: SeenFields,
  ): { field: string; seen: unknown; now: unknown; by: string }[] {
    const clean = validateEntryFields(patch, { partial: true, kindOf: this.kindOf });
    const m = this.entryMap(id);
    const rawContrib = (patch as { contributions?: Record<string, number> }).contributions;
    return staleKeys(m, entryWrites(m, clean, rawContrib), seen).map((key) => {
      const shown = key.startsWith(CONTRIBUTION_PREFIX)
        ? seen.contributions?.[key.slice(CONTRIBUTION_PREFIX.length)]
        : (seen as Record<string, unknown>)[key];
      return { field: key, seen: shown, now: m.get(key), by: this.lastWriter(m, key) };
    });
  }

  /** Who wrote a field's current value. */
  private lastWriter(m: YMap, key: string): string {
    const w =
      keyWrites(m, key)
        .filter((x) => x.current)
        .at(-1) ?? keyWrites(m, key).at(-1);
    if (!w) return '';
    const stamp = keyWrites(m, 'updated').find((u) => u.client === w.client && u.clock > w.clock);
    return (stamp?.value as Stamp | undefined)?.[0] ?? this.userOf(w.client);
  }

  /** Puts back `before` for keys still holding what `after` wrote; returns the keys changed since by others. */
  private revertEntry(
    id: string,
    m: YMap,
    before: Map<string, unknown>,
    after: Map<string, unknown>,
  ): string[] {
    let skipped: string[] = [];
    this.transact(this.shardFor(id), () => {
      skipped = revertKeys(m, before, after);
      m.set('updated', [this.user, this.now()]);
    });
    return skipped;
  }

  /**
   * 恢复此值: a value history shows becomes the field's value again, as an ordinary edit. `field` is
   * an entry map key as history reports it (a text field, attachments, `c:<slot>`, deleted).
   */
  restoreEntryValue(id: string, field: string, value: unknown): void {
    if (field === 'deleted') {
      if (value) this.deleteEntry(id);
      else this.restoreEntry(id);
    } else if (field.startsWith(CONTRIBUTION_PREFIX)) {
      const slot = field.slice(CONTRIBUTION_PREFIX.length);
      this.updateEntry(id, { contributions: { [slot]: typeof value === 'number' ? value : 0 } });
    } else if (field === 'attachments') {
      this.updateEntry(id, { attachments: Array.isArray(value) ? value : [] });
    } else if ((ENTRY_TEXT_FIELDS as readonly string[]).includes(field) || field === 'highlight') {
      this.updateEntry(id, { [field]: value ?? '' });
    } else {
      throw new LogInputError('field', `${field} cannot be restored`, '这一项不能恢复');
    }
  }

  // ---- undo -----------------------------------------------------------------------------------

  /** What 撤销 would undo (this page's own last change), or undefined. */
  undoLabel(): string | undefined {
    return this.undoStack.peek()?.label;
  }

  /**
   * Undoes this person's last change in this page with ordinary edits (they sync like any other).
   * Returns what was undone and the fields left as a colleague has since changed them.
   */
  undo(): { label: string; skipped: string[] } | undefined {
    const step = this.undoStack.pop();
    if (!step) return undefined;
    return { label: step.label, skipped: step.undo().map((k) => fieldLabel(k)) };
  }

  deleteEntry(id: string, opts: { undoable?: boolean } = {}): void {
    const m = this.entryMap(id);
    if (m.get('deleted')) return;
    this.transact(this.shardFor(id), () => {
      const stamp: Stamp = [this.user, this.now()];
      m.set('deleted', stamp);
      m.set('updated', stamp);
    });
    if (opts.undoable !== false)
      this.undoStack.push({
        label: `删除活动“${(m.get('title') as string) ?? ''}”`,
        undo: () => {
          this.restoreEntry(id, { undoable: false });
          return [];
        },
      });
  }

  restoreEntry(id: string, opts: { undoable?: boolean } = {}): void {
    const m = this.entryMap(id);
    if (!m.get('deleted')) return;
    this.transact(this.shardFor(id), () => {
      m.set('deleted', null);
      m.set('updated', [this.user, this.now()]);
    });
    if (opts.undoable !== false)
      this.undoStack.push({
        label: `恢复活动“${(m.get('title') as string) ?? ''}”`,
        undo: () => {
          this.deleteEntry(id, { undoable: false });
          return [];
        },
      });
  }

  getEntry(id: string): Entry | undefined {
    const doc = this.shards[this.shardIndexOf(id)];
    const m = doc?.getMap('entries').get(id);
    return isYMap(m) ? readEntry(id, m) : undefined;
  }

  /** The attachments of one entry shard's live entries (`e07`): cheap to ask after each change of that shard. */
  attachmentsIn(docName: string): AttachmentRef[] {
    const doc = docName === ROOT ? undefined : this.doc(docName);
    const out: AttachmentRef[] = [];
    for (const m of (doc?.getMap('entries') as Y.Map<YMap> | undefined)?.values() ?? []) {
      const att = m.get('attachments');
      // A loop, not push(...att): a peer's list may be too long to spread as arguments.
      if (Array.isArray(att) && !m.get('deleted')) for (const a of att as AttachmentRef[]) out.push(a);
    }
    return out;
  }

  /** Full records; needs every shard loaded. Sorted by date, newest first. */
  listEntries(filter: EntryFilter = {}): Entry[] {
    const out: Entry[] = [];
    this.shards.forEach((doc, i) => {
      if (!doc)
        throw new LogFileError(
          'not-loaded',
          `entry shard ${i} is not loaded yet`,
          '台账还在加载，请稍候再试',
        );
      for (const [id, m] of doc.getMap('entries') as Y.Map<YMap>) {
        const e = readEntry(id, m);
        if (inFilter(e, filter, e.deletedAt !== undefined)) out.push(e);
      }
    });
    // The id breaks ties, so colleagues see entries made in the same millisecond in the same order.
    return out.sort((a, b) => cmp(b.date, a.date) || b.createdAt - a.createdAt || cmp(a.id, b.id));
  }

  /** From the index: available before the shards are loaded. */
  listSummaries(filter: EntryFilter = {}): EntrySummary[] {
    return [...this.index.rows.values()]
      .filter((r) => inFilter(r, filter, r.deleted))
      .sort((a, b) => cmp(b.date, a.date) || b.createdAt - a.createdAt || cmp(a.id, b.id));
  }

  /** Who changed which field when, oldest first; lost concurrent writes are marked. */
  entryHistory(id: string): HistoryEvent[] {
    return this.fieldHistory(this.entryMap(id));
  }

  private fieldHistory(m: YMap): HistoryEvent[] {
    // A write's author and time: the `updated` stamp the same client wrote in the same transaction.
    const stamps = keyWrites(m, 'updated')
      .concat(keyWrites(m, 'created'))
      .map((w) => ({ client: w.client, clock: w.clock, stamp: w.value as Stamp }))
      .sort((a, b) => a.client - b.client || a.clock - b.clock);
    const stampOf = (client: number, clock: number): Stamp => {
      const s = stamps.find((x) => x.client === client && x.clock >= clock);
      return s?.stamp ?? [this.userOf(client), 0];
    };
    const events: HistoryEvent[] = [];
    for (const key of everKeys(m)) {
      if (key === 'updated' || key === 'created') continue;
      for (const w of keyWrites(m, key)) {
        const [by, at] = stampOf(w.client, w.clock);
        events.push({
          id: `${w.client}:${w.clock}`,
          field: key,
          value: w.value,
          by,
          at,
          lost: !w.current && !w.superseded,
        });
      }
    }
    return events.sort((a, b) => a.at - b.at || cmp(a.field, b.field));
  }

  // ---- plans ----------------------------------------------------------------------------------

  private plansMap(): Y.Map<YMap> {
    return this.root.getMap('plans') as Y.Map<YMap>;
  }

  addPlan(fields: unknown): string {
    const clean = validatePlanFields(fields, { partial: false }) as PlanFields;
    const id = ulid();
    this.transact(this.root, () => {
      const m = new Y.Map<unknown>();
      this.plansMap().set(id, m);
      for (const [k, v] of Object.entries(clean)) m.set(k, v);
      const stamp: Stamp = [this.user, this.now()];
      m.set('created', stamp);
      m.set('updated', stamp);
    });
    return id;
  }

  private planMap(id: string): YMap {
    const m = this.plansMap().get(id);
    if (!isYMap(m)) throw new LogInputError('id', `no plan ${id}`, '找不到这项计划');
    return m;
  }

  updatePlan(id: string, patch: unknown): void {
    const clean = validatePlanFields(patch, { partial: true });
    const m = this.planMap(id);
    const writes = new Map(Object.entries(clean).filter(([k, v]) => m.get(k) !== v));
    const before = new Map([...writes.keys()].map((k) => [k, m.get(k)]));
    this.transact(this.root, () => {
      for (const [k, v] of writes) m.set(k, v);
      m.set('updated', [this.user, this.now()]);
    });
    if (writes.size)
      this.pushMapUndo(`修改计划“${(m.get('content') as string) ?? ''}”`, m, before, writes, true);
  }

  deletePlan(id: string, restore = false): void {
    const m = this.planMap(id);
    this.transact(this.root, () => {
      m.set('deleted', restore ? null : [this.user, this.now()]);
      m.set('updated', [this.user, this.now()]);
    });
  }

  /** The plan happened: it becomes an entry (fields from the plan unless given) and points to it. */
  completePlan(id: string, entry: { date: string } & Partial<EntryFields>): string {
    const p = readPlan(id, this.planMap(id));
    if (p.entryId) throw new LogInputError('id', 'this plan is already done', '这项计划已标记为完成');
    const entryId = this.addEntry({
      title: p.content.slice(0, 200),
      location: p.place,
      organizer: p.host,
      partners: p.assist,
      description: [p.content, p.division && `工作分工：${p.division}`, p.outcome && `成果形式：${p.outcome}`]
        .filter(Boolean)
        .join('\n'),
      ...entry,
    });
    this.transact(this.root, () => {
      const m = this.planMap(id);
      m.set('entryId', entryId);
      m.set('updated', [this.user, this.now()]);
    });
    return entryId;
  }

  listPlans(opts: { deleted?: boolean | 'any' } = {}): Plan[] {
    return [...this.plansMap().entries()]
      .map(([id, m]) => readPlan(id, m))
      .filter((p) => opts.deleted === 'any' || (opts.deleted ?? false) === (p.deletedAt !== undefined))
      .sort((a, b) => cmp(a.time, b.time) || a.createdAt - b.createdAt);
  }

  // ---- liaison profile ------------------------------------------------------------------------

  getProfile(): Profile {
    const m = this.root.getMap('profile');
    // A field a peer wrote as something other than short text is shown (and filled) as empty; recordProblems names it.
    const shown = (v: unknown) => (typeof v === 'string' && v.length <= 500 ? v : '');
    return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, shown(m.get(f))])) as unknown as Profile;
  }

  /**
   * Plans, liaison fields and manual values that arrived by sync past the rules (entries have
   * invalidEntries). They are kept; such a manual value is not used, such a liaison field reads as empty.
   */
  recordProblems(): { record: 'plan' | 'profile' | 'value'; id: string; problems: LogInputError[] }[] {
    const out: { record: 'plan' | 'profile' | 'value'; id: string; problems: LogInputError[] }[] = [];
    for (const [id, m] of this.plansMap().entries()) {
      const problems = isYMap(m) ? storedPlanProblems(id, m) : [];
      if (problems.length) out.push({ record: 'plan', id, problems });
    }
    const profile = storedProfileProblems(this.root.getMap('profile'));
    if (profile.length) out.push({ record: 'profile', id: 'profile', problems: profile });
    for (const [key, v] of this.root.getMap('values').entries()) {
      const problems = storedManualProblems(key, v, this.kindOf);
      if (problems.length) out.push({ record: 'value', id: key, problems });
    }
    return out;
  }

  setProfile(patch: unknown): void {
    const clean = validateProfile(patch);
    const m = this.root.getMap('profile');
    const writes = new Map(Object.entries(clean).filter(([k, v]) => m.get(k) !== v));
    const before = new Map([...writes.keys()].map((k) => [k, m.get(k)]));
    this.transact(this.root, () => {
      for (const [k, v] of writes) m.set(k, v);
    });
    if (writes.size) this.pushMapUndo('修改联络员信息', m, before, writes, false);
  }

  /** Undo for a change to a map in the root document (plans, profile, manual values). */
  private pushMapUndo(
    label: string,
    m: YMap,
    before: Map<string, unknown>,
    after: Map<string, unknown>,
    stamp: boolean,
  ): void {
    this.undoStack.push({
      label,
      undo: () => {
        let skipped: string[] = [];
        this.transact(this.root, () => {
          skipped = revertKeys(m, before, after);
          if (stamp) m.set('updated', [this.user, this.now()]);
        });
        return skipped;
      },
    });
  }

  // ---- manual values and statistics -----------------------------------------------------------

  /**
   * A value typed for a blank instead of what the log adds up. The reason is required: the official
   * figures must say why a number is not the 台账合计 (含下属单位上报数, 上级核定…).
   */
  setManualValue(key: string, value: unknown, reason: string, opts: { by?: string; at?: number } = {}): void {
    const clean = validateManualValue(key, { value, reason }, this.kindOf);
    if (!clean.reason.trim())
      throw new LogInputError(
        `values.${key}.reason`,
        'a manual value needs a reason (why it replaces the log’s figure)',
        '请填写原因，例如：含下属单位上报数',
      );
    this.writeManualValue(key, clean, opts);
  }

  /**
   * A manual value as it was recorded (import of a log's JSON with its author and time). Its reason may
   * be empty: values set before reasons were required are restored, not refused.
   */
  restoreManualValue(
    key: string,
    value: unknown,
    reason: string,
    opts: { by?: string; at?: number } = {},
  ): void {
    this.writeManualValue(key, validateManualValue(key, { value, reason }, this.kindOf), opts);
  }

  private writeManualValue(
    key: string,
    clean: Pick<ManualValue, 'value' | 'reason'>,
    opts: { by?: string; at?: number },
  ): void {
    if (opts.at !== undefined) parseTime(`values.${key}.at`, opts.at);
    if (opts.by !== undefined) validatePerson(`values.${key}.by`, opts.by);
    const record: ManualValue = { ...clean, by: opts.by ?? this.user, at: opts.at ?? this.now() };
    const values = this.root.getMap('values');
    const before = new Map([[key, values.get(key)]]);
    this.transact(this.root, () => values.set(key, record));
    this.pushMapUndo('修改统计表中手工填写的数', values, before, new Map([[key, record]]), false);
  }

  clearManualValue(key: string): void {
    const values = this.root.getMap('values');
    if (!values.has(key)) return;
    const before = new Map([[key, values.get(key)]]);
    this.transact(this.root, () => values.delete(key));
    this.pushMapUndo('清除统计表中手工填写的数', values, before, new Map([[key, undefined]]), false);
  }

  manualValues(): Record<string, ManualValue> {
    const entries = [...this.root.getMap('values').entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries) as Record<string, ManualValue>;
  }

  /**
   * Every slot that has a value, or the slots asked for (empty ones included, as empty). With a date range,
   * only live entries dated inside it (inclusive) count, and manual values are not applied: they stand for
   * the whole campaign, so the stat says it set one aside (`manualSetAside`).
   */
  statistics(keys?: string[], range?: DateRange): SlotStat[] {
    const values = this.root.getMap('values');
    if (range) {
      const sums = this.index.rangeTotals(range);
      const all = keys ?? [...new Set([...sums.keys(), ...values.keys()])].sort();
      return all.map((k) => this.rangeStat(k, range, sums.get(k), false));
    }
    const all = keys ?? [...new Set([...this.index.slotKeys(), ...values.keys()])].sort();
    return all.map((k) => this.stat(k, false));
  }

  /** One blank with the entries that make it up (those dated inside the range, when one is given). */
  explain(key: string, range?: DateRange): SlotStat {
    if (!range) return this.stat(key, true);
    const contributions = this.index.contributions(key, range);
    const total = Math.round(contributions.reduce((n, c) => n + c.amount, 0) * 1e9) / 1e9;
    const sum = contributions.length ? { total, count: contributions.length } : undefined;
    return this.rangeStat(key, range, sum, true, contributions);
  }

  private rangeStat(
    key: string,
    range: DateRange,
    sum: { total: number; count: number } | undefined,
    detail: boolean,
    contributions?: Contribution[],
  ): SlotStat {
    const manual = this.root.getMap('values').get(key) as ManualValue | undefined;
    const span = describeRange(range);
    const aside = manual
      ? `；${manual.by} 手工填写的 ${manualText(manual.value)} 是整个活动的数，不计入${span}`
      : '';
    const base = {
      key,
      range: { ...range },
      ...(manual && { manualSetAside: manual }),
      ...(detail && { contributions: contributions ?? [] }),
    };
    const bad = sum && this.badValue(key, sum.total, sum.count, range);
    if (sum && bad)
      return {
        ...base,
        value: null,
        source: 'sum',
        entryCount: sum.count,
        ...bad,
        explanation: `${span}${bad.explanation}`,
      };
    if (sum)
      return {
        ...base,
        value: sum.total,
        source: 'sum',
        entryCount: sum.count,
        explanation: `${span} ${sum.count} 条活动合计${aside}`,
      };
    return { ...base, value: null, source: 'empty', entryCount: 0, explanation: `${span}没有活动${aside}` };
  }

  private stat(key: string, detail: boolean): SlotStat {
    const manual = this.root.getMap('values').get(key) as ManualValue | undefined;
    const sum = this.index.total(key);
    const count = sum?.count ?? 0;
    const contributions = detail ? this.index.contributions(key) : undefined;
    const badManual =
      manual && typeof manual.value === 'number' ? this.badValue(key, manual.value, 0) : undefined;
    // Any other shape a peer wrote under `values` (text in a count blank, no author) is not used either.
    const damaged = manual && !badManual ? storedManualProblems(key, manual, this.kindOf)[0] : undefined;
    const refused = !manual
      ? undefined
      : badManual
        ? {
            error: `the value ${manual.by} filled in ${badManual.error}`,
            explanation: `${manual.by} 手工填写的 ${manual.value} 不能使用（${badManual.why}），请重新填写`,
          }
        : damaged && {
            error: `the manual value of ${key} breaks the rules (${damaged.message}); fill it in again`,
            explanation: `手工填写的数据不符合要求（${damaged.messageZh}），本项不能使用，请重新填写`,
          };
    if (manual && refused)
      return {
        key,
        value: null,
        source: 'manual',
        manual,
        entryCount: count,
        ...(contributions && { contributions }),
        ...refused,
      };
    if (manual) {
      const was = sum ? `（台账合计 ${sum.total}）` : '';
      return {
        key,
        value: manual.value,
        source: 'manual',
        manual,
        entryCount: count,
        ...(contributions && { contributions }),
        explanation: `${manual.by} 手工填写${manual.reason ? `：${manual.reason}` : ''}${was}`,
      };
    }
    const flagged = this.invalid.size ? this.invalidFor(key) : undefined;
    const bad = flagged
      ? {
          error: `entry ${flagged.id} holds data the rules refuse (${flagged.problem.message}); correct or delete it`,
          explanation: `活动「${flagged.title}」的数据不符合要求（${flagged.problem.messageZh}），本项未合计，请修改或删除这条活动`,
        }
      : sum && this.badValue(key, sum.total, count);
    if (bad)
      return {
        key,
        value: null,
        source: 'sum',
        entryCount: count,
        ...(contributions && { contributions }),
        error: bad.error,
        explanation: bad.explanation,
      };
    if (sum)
      return {
        key,
        value: sum.total,
        source: 'sum',
        entryCount: count,
        ...(contributions && { contributions }),
        explanation: `${count} 条活动合计`,
      };
    return { key, value: null, source: 'empty', entryCount: 0, contributions: [], explanation: '尚未填写' };
  }

  /**
   * Why a sum (or, with count 0, a manual value) cannot be the blank's value, naming the largest
   * amounts that make it up so a person knows which activities to check; undefined when it can.
   */
  private badValue(
    key: string,
    total: number,
    count: number,
    range?: DateRange,
  ): { error: string; explanation: string; why: string } | undefined {
    const kind = kindSafe(this.kindOf, key);
    // A sum of huge amounts reaches Infinity: too large, not "not a number".
    const problem = total === Number.POSITIVE_INFINITY ? 'too-large' : numberProblem(total, kind);
    // A blank of unknown kind may be a percentage: a fraction there is not an error.
    if (!problem || (problem === 'not-whole' && kind === undefined)) return undefined;
    const { en, zh } = NUMBER_PROBLEM[problem];
    if (count === 0) return { error: en, explanation: zh, why: zh };
    const top = this.index
      .contributions(key, range)
      .sort((a, b) => b.amount - a.amount)
      .slice(0, 3);
    const named = top.map((c) => `「${c.title}」（${c.date}）${c.amount}`).join('、');
    return {
      error: `the sum of ${count} entries ${en}; check ${top.map((c) => `${c.entryId} (${c.amount})`).join(', ')}`,
      explanation: `${count} 条活动合计${Number.isFinite(total) ? ` ${total} ` : ''}不能填入（合计${zh}），请核对：${named}`,
      why: zh,
    };
  }

  // ---- reporting schedule (截止日期): how periods are counted, the campaign's dates, edited deadlines ----

  /**
   * The unit's changes to the notice's schedule. Each setting and each deadline is its own key, so two
   * colleagues editing different deadlines at the same time both keep theirs.
   */
  scheduleEdits(): ScheduleEdits {
    const m = this.root.getMap('schedule');
    const deadlines: Record<string, Deadline | null> = {};
    for (const [k, v] of m.entries())
      if (k.startsWith('deadline:')) deadlines[k.slice(9)] = v as Deadline | null;
    const mode = m.get('periodMode');
    const start = m.get('campaignStart');
    const end = m.get('campaignEnd');
    const media = m.get('media');
    const year = m.get('year');
    return {
      ...(typeof year === 'number' ? { year } : {}),
      ...(Array.isArray(media) ? { media: media as MediaHint[] } : {}),
      ...(mode === 'natural' || mode === 'before-deadline' ? { periodMode: mode } : {}),
      ...(typeof start === 'string' ? { campaignStart: start } : {}),
      ...(typeof end === 'string' ? { campaignEnd: end } : {}),
      deadlines,
    };
  }

  /** The campaign's year, week definition and campaign dates; `null` puts a setting back to the notice's. */
  editSchedule(patch: {
    year?: number | null;
    periodMode?: PeriodMode | null;
    campaignStart?: string | null;
    campaignEnd?: string | null;
  }): void {
    const clean = validateScheduleEdit(patch, this.scheduleEdits());
    const m = this.root.getMap('schedule');
    this.transact(this.root, () => {
      for (const [k, v] of Object.entries(clean)) {
        if (v === null) m.delete(k);
        else if (m.get(k) !== v) m.set(k, v);
      }
    });
  }

  /** The photo and video format reports must meet (type, resolution); null: the notice's again. */
  setMediaRequirements(hints: unknown[] | null): void {
    const m = this.root.getMap('schedule');
    if (hints === null) {
      if (m.has('media')) this.transact(this.root, () => m.delete('media'));
      return;
    }
    const clean = validateMedia(hints);
    this.transact(this.root, () => m.set('media', clean));
  }

  /**
   * 填报日期: the one day the unit reports its table on, set when it first reports (prints, exports, fills the
   * portal) or chosen once. The 统计表, its print view, the Excel export, the documents and the portal fill
   * all read it, so they never each show their own "today".
   */
  reportDate(): string | undefined {
    const v = this.root.getMap('schedule').get('reportDate');
    return typeof v === 'string' && isValidDate(v) ? v : undefined;
  }

  /** Sets 填报日期 (YYYY-MM-DD), or clears it with null. */
  setReportDate(date: string | null): void {
    const m = this.root.getMap('schedule');
    if (date === null) {
      if (m.has('reportDate')) this.transact(this.root, () => m.delete('reportDate'));
      return;
    }
    if (!isValidDate(date))
      throw new LogInputError(
        'reportDate',
        'must be a date YYYY-MM-DD',
        '请填写正确的填报日期，例如 2026-06-30',
      );
    if (m.get('reportDate') !== date) this.transact(this.root, () => m.set('reportDate', date));
  }

  /** The notice the unit confirmed on the review screen (issuer, document number, forms), if any. */
  notice(): NoticeRecord | undefined {
    const v = this.root.getMap('schedule').get('notice');
    return v && typeof v === 'object' ? (v as NoticeRecord) : undefined;
  }

  setNotice(record: unknown): void {
    const clean = validateNotice(record);
    this.transact(this.root, () => this.root.getMap('schedule').set('notice', clean));
  }

  /** Adds a deadline or replaces the notice's one with the same id. */
  setDeadline(deadline: unknown): void {
    const d = validateDeadline(deadline);
    this.transact(this.root, () => this.root.getMap('schedule').set(`deadline:${d.id}`, d));
  }

  /** Hides one of the notice's deadlines (the unit does not have to send it), or deletes an added one. */
  removeDeadline(id: string): void {
    this.transact(this.root, () => this.root.getMap('schedule').set(`deadline:${id}`, null));
  }

  /** Back to the notice's deadline. */
  resetDeadline(id: string): void {
    const m = this.root.getMap('schedule');
    if (m.has(`deadline:${id}`)) this.transact(this.root, () => m.delete(`deadline:${id}`));
  }

  // ---- portal mappings (learned autofill corrections, shared by the unit) ----------------------

  /**
   * The learned mappings of one portal page: field key → slot id, or null for "never fill".
   * Each correction is its own key (`<portal>\n<field>`), so two colleagues correcting different fields
   * of the same page at the same time both keep theirs; logs written before that kept one object per
   * page, read here underneath the per-field keys.
   */
  getMappings(portalKey: string): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    for (const [field, m] of Object.entries(this.portalMappings(portalKey))) out[field] = m.slotId;
    return out;
  }

  /**
   * The corrections of one page that pair a control with a blank counted in another unit, each with the
   * two units the person saw and confirmed (field key → { page, blank }).
   */
  getMappingUnits(portalKey: string): Record<string, MappingUnits> {
    const out: Record<string, MappingUnits> = {};
    for (const [field, m] of Object.entries(this.portalMappings(portalKey)))
      if (m.units) out[field] = m.units;
    return out;
  }

  private portalMappings(portalKey: string): Record<string, { slotId: string | null; units?: MappingUnits }> {
    const maps = this.root.getMap('mappings');
    const legacy = maps.get(portalKey);
    const out: Record<string, { slotId: string | null; units?: MappingUnits }> = {};
    if (legacy && typeof legacy === 'object')
      for (const [field, slotId] of Object.entries(legacy as Record<string, string | null>))
        out[field] = { slotId };
    const prefix = `${portalKey}\n`;
    for (const [key, value] of maps.entries()) {
      if (!key.startsWith(prefix)) continue;
      const field = key.slice(prefix.length);
      if (value === CLEARED) delete out[field];
      else if (value === null || typeof value === 'string') out[field] = { slotId: value };
      else if (isAcrossUnits(value))
        out[field] = { slotId: value.slotId, units: { page: value.page, blank: value.blank } };
    }
    return out;
  }

  /**
   * This control of this page takes that blank (null: never fill it). `units`: the blank counts in
   * another unit than the control and the person confirmed that choice for these two units.
   */
  setMapping(portalKey: string, fieldKey: string, slotId: string | null, units?: MappingUnits): void {
    const value = units && slotId !== null ? { slotId, page: units.page, blank: units.blank } : slotId;
    this.transact(this.root, () => this.root.getMap('mappings').set(`${portalKey}\n${fieldKey}`, value));
  }

  /** Back to automatic matching for this field (the correction is withdrawn for everyone). */
  clearMapping(portalKey: string, fieldKey: string): void {
    // A marker rather than a delete: it also hides a value in an older log's per-page object.
    this.transact(this.root, () => this.root.getMap('mappings').set(`${portalKey}\n${fieldKey}`, CLEARED));
  }

  // ---- conflicts ------------------------------------------------------------------------------

  /** Values that lost a concurrent write and no one has reviewed yet. */
  conflicts(): Conflict[] {
    const resolved = this.root.getMap('resolved');
    const out: Conflict[] = [];
    this.shards.forEach((doc, i) => {
      if (!doc) return;
      let cache = this.conflictCache.get(i);
      if (!cache) {
        // First ask: scan the shard once; afterwards its transactions keep this up to date.
        cache = new Map();
        const entries = doc.getMap('entries') as Y.Map<YMap>;
        for (const [id, m] of entries) {
          const found = this.entryConflicts(i, entries, id, m);
          if (found.length) cache.set(id, found);
        }
        this.conflictCache.set(i, cache);
      }
      for (const list of cache.values()) for (const c of list) out.push(c);
    });
    for (const [id, m] of this.plansMap()) out.push(...this.scanConflicts(ROOT, m, 'plan', id, STAMPS));
    out.push(...this.scanConflicts(ROOT, this.root.getMap('profile'), 'profile', 'profile', []));
    out.push(...this.scanConflicts(ROOT, this.root.getMap('values'), 'value', 'values', []));
    out.push(...this.staleConflicts());
    // Map iteration order follows arrival order, which differs between replicas; ids do not.
    return out.filter((c) => !resolved.has(c.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Saves that overwrote a value the saver's form never showed (recorded by updateEntry with `seen`):
   * conflicts for both sides like concurrent writes, until someone keeps one of the two values.
   */
  private staleConflicts(): Conflict[] {
    const out: Conflict[] = [];
    for (const [id, r] of this.root.getMap('stale').entries()) {
      const rec = r as {
        targetId: string;
        field: string;
        lostValue: unknown;
        lostBy: string;
        keptBy: string;
      };
      const doc = this.shards[this.shardIndexOf(rec.targetId)];
      const m = doc?.getMap('entries').get(rec.targetId);
      out.push({
        id: `stale:${id}`,
        target: 'entry',
        targetId: rec.targetId,
        field: rec.field,
        lostValue: rec.lostValue,
        lostBy: rec.lostBy,
        keptValue: isYMap(m) ? m.get(rec.field) : undefined,
        keptBy: rec.keptBy,
        stale: true,
      });
    }
    return out;
  }

  /** Per shard, the entries that have lost writes (kept current from each transaction's changed entries). */
  private readonly conflictCache = new Map<number, Map<string, Conflict[]>>();

  private refreshConflicts(i: number, entries: Y.Map<YMap>, ids: Iterable<string>): void {
    const cache = this.conflictCache.get(i);
    if (!cache) return;
    for (const id of ids) {
      const m = entries.get(id);
      const found = m ? this.entryConflicts(i, entries, id, m) : [];
      if (found.length) cache.set(id, found);
      else cache.delete(id);
    }
  }

  /** An entry's lost field writes, and the edits made to a copy of it that lost as a whole. */
  private entryConflicts(i: number, entries: Y.Map<YMap>, id: string, kept: YMap): Conflict[] {
    const doc = shardName(i);
    const out = this.scanConflicts(doc, kept, 'entry', id, STAMPS);
    for (const w of lostCopyWrites(entries, id)) {
      if (STAMPS.includes(w.field)) continue;
      // What a copy was created with (the same row imported on both sides) is not anybody's edit.
      if (!w.edit && kept.has(w.field)) continue;
      const keptValue = kept.get(w.field);
      if (JSON.stringify(keptValue) === JSON.stringify(w.value)) continue;
      const keptWrite = keyWrites(kept, w.field).at(-1);
      out.push({
        id: `${doc}:${w.client}:${w.clock}`,
        target: 'entry',
        targetId: id,
        field: w.field,
        lostValue: w.value,
        lostBy: this.userOf(w.client),
        keptValue,
        keptBy: keptWrite ? this.userOf(keptWrite.client) : '',
      });
    }
    return out;
  }

  private scanConflicts(
    doc: string,
    map: YMap,
    target: Conflict['target'],
    targetId: string,
    skip: string[],
  ) {
    const out: Conflict[] = [];
    for (const field of everKeys(map)) {
      if (skip.includes(field)) continue;
      const writes = keyWrites(map, field);
      if (writes.length < 2) continue;
      const kept = writes[writes.length - 1];
      for (const w of writes) {
        if (w.current || w.superseded || w === kept) continue;
        out.push({
          id: `${doc}:${w.client}:${w.clock}`,
          target,
          targetId,
          field,
          lostValue: w.value,
          lostBy: this.userOf(w.client),
          keptValue: kept?.current ? kept.value : undefined,
          keptBy: kept ? this.userOf(kept.client) : '',
        });
      }
    }
    return out;
  }

  /** `keep`: the current value stays; `restore`: the lost value becomes the current one. */
  resolveConflict(id: string, choice: 'keep' | 'restore'): void {
    const c = this.conflicts().find((x) => x.id === id);
    if (!c) throw new LogInputError('conflict', `no open conflict ${id}`, '该冲突不存在或已处理');
    if (choice === 'restore') {
      if (c.target === 'entry') {
        const m = this.entryMap(c.targetId);
        this.transact(this.shardFor(c.targetId), () => {
          m.set(c.field, c.lostValue);
          m.set('updated', [this.user, this.now()]);
        });
      } else if (c.target === 'plan') {
        const m = this.planMap(c.targetId);
        this.transact(this.root, () => m.set(c.field, c.lostValue));
      } else {
        const map = this.root.getMap(c.target === 'profile' ? 'profile' : 'values');
        this.transact(this.root, () => map.set(c.field, c.lostValue));
      }
    }
    this.transact(this.root, () =>
      this.root.getMap('resolved').set(id, { by: this.user, at: this.now(), choice }),
    );
  }
}
