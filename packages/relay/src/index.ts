export {
  type CreatedUnit,
  type InvitationRecord,
  type IssuedInvitationCode,
  type IssuedToken,
  parseDocumentName,
  type RedeemRefusal,
  type Role,
  roles,
  type TokenRecord,
  type Unit,
} from './access.ts';
export { type DecodedInvitation, decodeInvitation, encodeInvitation, type Invitation } from './invitation.ts';
export { createLogger, type Logger, silentLogger } from './log.ts';
export { type MigrationReport, migrateStorage } from './migrate-storage.ts';
export { openStorage, type StorageLocation } from './open-storage.ts';
export { databaseFileName, defaultDataDir, defaultPort, type RelayOptions } from './options.ts';
export { type RunningRelay, startRelay } from './relay.ts';
export type {
  AccessRows,
  AccessStore,
  BlobStore,
  DocumentStore,
  LoadedDocument,
  QuarantinedRow,
  RelayStorage,
  StorageCheck,
  StoredInvitation,
} from './storage.ts';
export {
  createUnit,
  type DataLocation,
  type IssuedInvitation,
  issueInvitation,
  listUnits,
  revokeToken,
  type UnitListing,
} from './unit-admin.ts';
