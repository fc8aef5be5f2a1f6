import { isUnitId } from '../model/ids.ts';

/** Who a token is for; the relay enforces it (viewers are read-only). */
export type Role = 'admin' | 'editor' | 'viewer';
export const roles: readonly Role[] = ['admin', 'editor', 'viewer'];

/** What a colleague pastes to join a unit: where the relay is, which unit, and the secret. */
export interface Invitation {
  /** WebSocket address of the relay, e.g. ws://127.0.0.1:4321 or wss://relay.example/tianbao */
  relayUrl: string;
  unitId: string;
  token: string;
  role?: Role;
  unitName?: string;
  /** Which of the unit's logs (campaigns) to join; the extension adds it when sharing a log. */
  logId?: string;
}

export interface DecodedInvitation extends Invitation {
  /** The same relay over HTTP(S), for /blobs and /admin. */
  httpUrl: string;
}

/**
 * `tianbao://host:port[/base]/<unitId>?role=editor&name=<单位名称>#<token>` (`tianbaos://` when the
 * relay is behind TLS). A URL rather than opaque base64 so a person can see which relay and unit
 * it points at; the token sits in the fragment, which URL-handling tools do not send anywhere.
 */
export function encodeInvitation(inv: Invitation): string {
  if (!inv.token) throw new Error('invitation needs a token');
  const { secure, prefix } = relayPrefix(inv);
  return `${secure ? 'tianbaos' : 'tianbao'}://${prefix}#${encodeURIComponent(inv.token)}`;
}

/**
 * `host:port[/base][/join]/<unitId>?role=…&name=…&log=…` of an invitation or join link, and whether the
 * relay is behind TLS. Throws for a relay URL that is not ws(s)/http(s) or a unit id that is not one.
 */
function relayPrefix(
  inv: Pick<Invitation, 'relayUrl' | 'unitId' | 'role' | 'unitName' | 'logId'>,
  path = '',
): { secure: boolean; prefix: string } {
  const relay = new URL(inv.relayUrl);
  const secure = relay.protocol === 'wss:' || relay.protocol === 'https:';
  if (!secure && relay.protocol !== 'ws:' && relay.protocol !== 'http:') {
    throw new Error(`relay URL must be ws(s):// or http(s)://, got ${inv.relayUrl}`);
  }
  if (!isUnitId(inv.unitId)) throw new Error(`invalid unit id ${inv.unitId}`);
  const base = relay.pathname.replace(/\/+$/, '');
  const params = new URLSearchParams();
  if (inv.role) params.set('role', inv.role);
  if (inv.unitName) params.set('name', inv.unitName);
  if (inv.logId) params.set('log', inv.logId);
  const query = params.size ? `?${params}` : '';
  return { secure, prefix: `${relay.host}${base}${path}/${inv.unitId}${query}` };
}

/** Parses a pasted invitation (surrounding whitespace allowed). Throws a clear error otherwise. */
export function decodeInvitation(text: string): DecodedInvitation {
  const trimmed = text.trim();
  const m = /^(tianbaos?):\/\/(.+)$/.exec(trimmed);
  if (!m?.[1] || !m[2]) throw new Error('not a Tianbao invitation (expected tianbao://…)');
  const secure = m[1] === 'tianbaos';
  let url: URL;
  try {
    url = new URL(`${secure ? 'https' : 'http'}://${m[2]}`);
  } catch {
    throw new Error('invitation is not a valid address');
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const unitId = segments.pop();
  if (!unitId || !isUnitId(unitId)) throw new Error('invitation has no unit id');
  const token = decodeURIComponent(url.hash.replace(/^#/, ''));
  if (!token) throw new Error('invitation has no token');
  const roleParam = url.searchParams.get('role');
  const role = roles.find((r) => r === roleParam);
  if (roleParam && !role) throw new Error(`invitation has an unknown role ${roleParam}`);
  const unitName = url.searchParams.get('name') ?? undefined;
  const logId = url.searchParams.get('log') ?? undefined;
  const base = segments.length ? `/${segments.join('/')}` : '';
  return {
    relayUrl: `${secure ? 'wss' : 'ws'}://${url.host}${base}`,
    httpUrl: `${secure ? 'https' : 'http'}://${url.host}${base}`,
    unitId,
    token,
    ...(role ? { role } : {}),
    ...(unitName ? { unitName } : {}),
    ...(logId ? { logId } : {}),
  };
}

/**
 * An invitation made in the dashboard: a link to the relay's join page carrying an invitation code,
 * `http(s)://host[/base]/join/<unitId>?role=editor&name=<单位名称>&log=<logId>#<code>`. The joining
 * colleague exchanges the code (with their name) for a member token of their own, so the link itself
 * never opens the log, and each member can be revoked alone. A browser that opens it without the
 * extension gets the relay's page saying what to do.
 */
export interface JoinLink {
  /** ws(s):// or http(s):// address of the relay. */
  relayUrl: string;
  unitId: string;
  code: string;
  role?: Role;
  unitName?: string;
  logId?: string;
}

export interface DecodedJoinLink extends JoinLink {
  relayUrl: string;
  httpUrl: string;
}

const JOIN = 'join';

export function encodeJoinLink(link: JoinLink): string {
  if (!link.code) throw new Error('a join link needs a code');
  const { secure, prefix } = relayPrefix(link, `/${JOIN}`);
  return `${secure ? 'https' : 'http'}://${prefix}#${encodeURIComponent(link.code)}`;
}

/** Parses a join link (surrounding whitespace allowed); throws a clear error for anything else. */
export function decodeJoinLink(text: string): DecodedJoinLink {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error('not a Tianbao join link');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not a Tianbao join link');
  const segments = url.pathname.split('/').filter(Boolean);
  const unitId = segments.pop();
  if (segments.pop() !== JOIN || !unitId || !isUnitId(unitId)) throw new Error('not a Tianbao join link');
  const code = decodeURIComponent(url.hash.replace(/^#/, ''));
  if (!code) throw new Error('join link has no code');
  const roleParam = url.searchParams.get('role');
  const role = roles.find((r) => r === roleParam);
  if (roleParam && !role) throw new Error(`join link has an unknown role ${roleParam}`);
  const unitName = url.searchParams.get('name') ?? undefined;
  const logId = url.searchParams.get('log') ?? undefined;
  const base = segments.length ? `/${segments.join('/')}` : '';
  const secure = url.protocol === 'https:';
  return {
    relayUrl: `${secure ? 'wss' : 'ws'}://${url.host}${base}`,
    httpUrl: `${url.protocol}//${url.host}${base}`,
    unitId,
    code,
    ...(role ? { role } : {}),
    ...(unitName ? { unitName } : {}),
    ...(logId ? { logId } : {}),
  };
}

/** A pasted invitation of either kind: a join link (code) or a command-line invitation (token). */
export type AnyInvitation = ({ kind: 'code' } & DecodedJoinLink) | ({ kind: 'token' } & DecodedInvitation);

export function parseInvitation(text: string): AnyInvitation {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) return { kind: 'code', ...decodeJoinLink(trimmed) };
  return { kind: 'token', ...decodeInvitation(trimmed) };
}

/**
 * Where a relay is, from what a person types: `127.0.0.1:8787`, `http(s)://…` or `ws(s)://…`
 * (a base path behind a proxy is kept). Throws for anything that is not an address.
 */
export function relayAddress(text: string): { relayUrl: string; httpUrl: string } {
  const t = text.trim();
  const withScheme = /^[a-z]+:\/\//i.test(t) ? t : `http://${t}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error('not a relay address');
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  if (!secure && url.protocol !== 'http:' && url.protocol !== 'ws:') throw new Error('not a relay address');
  if (!url.hostname || url.search || url.hash) throw new Error('not a relay address');
  const base = url.pathname.replace(/\/+$/, '');
  return {
    relayUrl: `${secure ? 'wss' : 'ws'}://${url.host}${base}`,
    httpUrl: `${secure ? 'https' : 'http'}://${url.host}${base}`,
  };
}
