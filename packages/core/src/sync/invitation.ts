/** Who a token is for; the relay enforces it (viewers are read-only). */
export type Role = 'admin' | 'editor' | 'viewer';
export const roles: readonly Role[] = ['admin', 'editor', 'viewer'];

const unitIdPattern = /^[0-9A-Za-z_-]{1,64}$/;
/** A relay unit id: what may stand before the slash of a document name. */
export const isUnitId = (value: string): boolean => unitIdPattern.test(value);

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
  const relay = new URL(inv.relayUrl);
  const secure = relay.protocol === 'wss:' || relay.protocol === 'https:';
  if (!secure && relay.protocol !== 'ws:' && relay.protocol !== 'http:') {
    throw new Error(`relay URL must be ws(s):// or http(s)://, got ${inv.relayUrl}`);
  }
  if (!isUnitId(inv.unitId)) throw new Error(`invalid unit id ${inv.unitId}`);
  if (!inv.token) throw new Error('invitation needs a token');
  const base = relay.pathname.replace(/\/+$/, '');
  const params = new URLSearchParams();
  if (inv.role) params.set('role', inv.role);
  if (inv.unitName) params.set('name', inv.unitName);
  if (inv.logId) params.set('log', inv.logId);
  const query = params.size ? `?${params}` : '';
  return `${secure ? 'tianbaos' : 'tianbao'}://${relay.host}${base}/${inv.unitId}${query}#${encodeURIComponent(inv.token)}`;
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
