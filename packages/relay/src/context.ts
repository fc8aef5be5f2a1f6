import type { Role } from './access.ts';

/** What onAuthenticate attaches to every connection (Hocuspocus `context`). */
export interface RelayContext {
  unitId: string;
  role: Role;
  tokenId: string;
}

export const isRelayContext = (value: unknown): value is RelayContext =>
  typeof value === 'object' && value !== null && 'tokenId' in value && 'unitId' in value;
