import type { Readable } from 'node:stream';
import type {
  CreatedUnit,
  InvitationRecord,
  IssuedInvitationCode,
  IssuedToken,
  RedeemRefusal,
  Role,
  TokenRecord,
  Unit,
} from './access.ts';

/**
 * The relay's storage, one interface with two implementations: SQLite (the embedded default,
 * sqlite-storage.ts) and PostgreSQL (several relay processes on several machines,
 * postgres-storage.ts). storage.test.ts runs one suite against both.
 */
export interface RelayStorage {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for logs: a file path, or a PostgreSQL URL without its password. */
  readonly where: string;
  readonly documents: DocumentStore;
  readonly access: AccessStore;
  readonly blobs: BlobStore;
  /** One round trip to the database: whether it answers, and how fast. */
  check(): Promise<StorageCheck>;
  close(): Promise<void>;
}

export interface StorageCheck {
  ok: boolean;
  ms: number;
  error?: string;
}

/** A stored row that failed its checksum: moved out of the document, kept aside, reported. */
export interface QuarantinedRow {
  document: string;
  /** 'state' is the compacted state, 'update' one row of the tail. */
  source: 'state' | 'update';
  reason: 'checksum-mismatch';
  bytes: number;
  at: number;
}

export interface LoadedDocument {
  /** The compacted state (if any) first, then the tail in the order it was stored. */
  updates: Uint8Array[];
  /** Rows found damaged while loading; already moved to quarantine, not in `updates`. */
  quarantined: QuarantinedRow[];
}

/** Folds a stored state and its tail into one state (may run on another thread: compactor.ts). */
export type Fold = (state: Uint8Array | undefined, tail: Uint8Array[]) => Promise<Uint8Array>;

export interface CompactionResult {
  /** Updates folded into the state (0 when nothing was done). */
  folded: number;
  /** Why nothing was done: another process holds the document's compaction lock, or the state changed meanwhile. */
  skipped?: 'locked' | 'changed';
  quarantined: QuarantinedRow[];
}

/**
 * Unit logs: a compacted state plus an append-only tail of updates, each stored with its sha-256
 * and verified on load. `append` resolves only once the update is durable, so the relay can
 * acknowledge a client after it. Compaction merges what is stored (not what one process holds in
 * memory) under a database lock, so several relay processes never fold one document at once.
 */
export interface DocumentStore {
  /** Everything stored for `name`, verified; damaged rows are quarantined and reported. Throws when the database cannot be read. */
  load(name: string): Promise<LoadedDocument>;
  append(name: string, update: Uint8Array): Promise<void>;
  /** Whether anything is stored under this name. */
  has(name: string): Promise<boolean>;
  tailLength(name: string): Promise<number>;
  /** Folds the tail into the state (default fold: here, on this thread). */
  compact(name: string, fold?: Fold): Promise<CompactionResult>;
  /** Replaces a document's stored state outright (seeding in tests and benchmarks). */
  writeState(name: string, state: Uint8Array): Promise<void>;
  /** Every stored document name (migration, checks). */
  names(): Promise<string[]>;
  /** Everything ever quarantined, newest last. */
  quarantined(): Promise<QuarantinedRow[]>;
}

/** A token row as stored (its secret's sha-256, never the secret): what a migration copies. */
export interface StoredToken extends TokenRecord {
  hash: string;
}

/** An invitation row as stored (its code's sha-256, never the code): what a migration copies. */
export interface StoredInvitation extends InvitationRecord {
  hash: string;
}

export interface AccessRows {
  units: Unit[];
  tokens: StoredToken[];
  /** Absent in rows exported before invitations existed. */
  invitations?: StoredInvitation[];
}

/** Units, their members' tokens and invitation codes. */
export interface AccessStore {
  /** The command line's unit: an admin token plus one shared editor and one shared viewer token. */
  createUnit(name: string): Promise<CreatedUnit>;
  /**
   * A unit registered by the person who connects a log first (the dashboard): a fresh unit id, so
   * registering never reaches an existing unit, and one admin member token named after them.
   */
  registerUnit(name: string, memberName: string): Promise<{ unit: Unit; admin: IssuedToken }>;
  getUnit(id: string): Promise<Unit | undefined>;
  listUnits(): Promise<Unit[]>;
  /** A new random 32-byte token for a unit; only its hash is stored. */
  issueToken(unitId: string, role: Role, label?: string): Promise<IssuedToken>;
  listTokens(unitId?: string): Promise<TokenRecord[]>;
  getToken(id: string): Promise<TokenRecord | undefined>;
  /** The live (not revoked) token with this secret, or undefined. */
  verify(token: string): Promise<TokenRecord | undefined>;
  /** The token with this secret, revoked or not (so a refusal can say which), or undefined. */
  lookup(token: string): Promise<TokenRecord | undefined>;
  /** Records that a member was seen at `at` (a connection opened or closed). */
  touch(id: string, at: number): Promise<void>;
  createInvitation(
    unitId: string,
    opts: { role: Role; label?: string; createdBy?: string; expiresAt?: number | null },
  ): Promise<IssuedInvitationCode>;
  listInvitations(unitId: string): Promise<InvitationRecord[]>;
  getInvitation(id: string): Promise<InvitationRecord | undefined>;
  /** No one can join with it any more; members who joined with it keep their own tokens. */
  revokeInvitation(id: string): Promise<InvitationRecord | undefined>;
  /** Exchanges a live invitation code and a name for a member token of that unit and role (atomically). */
  redeem(
    unitId: string,
    code: string,
    name: string,
    now?: number,
  ): Promise<{ member: IssuedToken } | { refused: RedeemRefusal }>;
  /** Revokes by token id or by the secret itself. Returns the revoked record, undefined if none matched. */
  revoke(idOrToken: { id: string } | { token: string }): Promise<TokenRecord | undefined>;
  /** Which of these token ids are still live (one query for a sweep over all connections). */
  live(ids: readonly string[]): Promise<Set<string>>;
  /** Every unit, token and invitation row, for a migration to another store. */
  exportRows(): Promise<AccessRows>;
  /** Writes rows exported from another store; rows already present are left as they are. */
  importRows(rows: AccessRows): Promise<void>;
}

/**
 * Content-addressed attachments per unit: a stored blob is always exactly the bytes its sha-256
 * name promises (the body is hashed while it streams in, and kept only when it matches).
 */
export interface BlobStore {
  size(unitId: string, sha256: string): Promise<number | undefined>;
  /** Stores `body` under its hash. Returns whether it was new. Throws BlobError (400, 413). */
  put(unitId: string, sha256: string, body: Readable, maxBytes: number): Promise<boolean>;
  /** The blob's bytes; undefined when there is no such blob. */
  open(unitId: string, sha256: string): Promise<Readable | undefined>;
  /** Every stored blob (migration). */
  list(): AsyncIterable<{ unitId: string; sha256: string }>;
}
