import type { Role } from '@tianbao/core';
import type { RelayLink } from './settings';

/**
 * The relay's membership API over HTTP (packages/relay unit-routes.ts): registering the unit on the
 * first connect, joining with an invitation code, the admin's members and invitations. Every failure
 * becomes an Error with a Chinese `messageZh` for the person.
 */
export interface Member {
  id: string;
  name: string;
  role: Role;
  createdAt: number;
  lastSeenAt: number | null;
  online: boolean;
  revokedAt: number | null;
  invitationId: string | null;
}

export interface InvitationInfo {
  id: string;
  role: Role;
  label: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface MemberToken {
  unitId: string;
  unitName: string;
  memberId: string;
  role: Role;
  token: string;
}

const REASONS: Record<string, string> = {
  'registration-code': '这个同步服务要求注册码。请向运行同步服务的同事索取注册码后填写。',
  'invalid-invitation': '这个邀请无效，请完整复制管理员发来的邀请链接。',
  'invitation-expired': '这个邀请已过期，请向管理员索取新的邀请。',
  'invitation-revoked': '这个邀请已被管理员撤销，请向管理员索取新的邀请。',
  'token-revoked': '管理员已停止您的同步权限。本机的记录仍然保留。',
  'invalid-token': '同步服务不认识本机的凭据，请向管理员索取新的邀请。',
  forbidden: '只有管理员可以管理成员和邀请。',
  'unknown-unit': '同步服务上没有这个单位，请核对邀请。',
  'rate-limited': '操作太频繁，请一分钟后再试。',
};

const zhError = (messageZh: string, reason = '') =>
  Object.assign(new Error(reason || messageZh), { messageZh, reason });

async function call<T>(
  httpUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${httpUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw zhError(`连接不上同步服务（${httpUrl}）。请检查地址，或确认同步服务已经启动。`, 'unreachable');
  }
  const data = (await res.json().catch(() => ({}))) as { reason?: string; error?: string } & T;
  if (!res.ok) {
    const reason = data.reason ?? '';
    throw zhError(REASONS[reason] ?? `同步服务拒绝了这个操作（${res.status}）。`, reason);
  }
  return data;
}

/** Registers a new unit on the relay for the log's creator, who becomes its 管理员. */
export const registerUnit = (httpUrl: string, unitName: string, member: string, registrationCode?: string) =>
  call<MemberToken>(httpUrl, 'POST', '/units', {
    name: unitName,
    member,
    ...(registrationCode ? { registrationCode } : {}),
  });

/** Exchanges an invitation code and the person's name for a member token of their own. */
export const redeemInvitation = (httpUrl: string, unitId: string, code: string, name: string) =>
  call<MemberToken>(httpUrl, 'POST', `/units/${unitId}/join`, { code, name });

export const whoAmI = (link: RelayLink) =>
  call<{ memberId: string; name: string; role: Role }>(
    link.httpUrl,
    'GET',
    `/units/${link.unitId}/me`,
    undefined,
    link.token,
  );

const admin = (link: RelayLink) => `/admin/units/${link.unitId}`;

export const listMembers = (link: RelayLink) =>
  call<{ you: string; members: Member[] }>(
    link.httpUrl,
    'GET',
    `${admin(link)}/members`,
    undefined,
    link.token,
  );

export const listInvitations = (link: RelayLink) =>
  call<{ invitations: InvitationInfo[] }>(
    link.httpUrl,
    'GET',
    `${admin(link)}/invitations`,
    undefined,
    link.token,
  );

export const createInvitation = (link: RelayLink, role: Role, expiresAt: number | null, label: string) =>
  call<InvitationInfo & { code: string }>(
    link.httpUrl,
    'POST',
    `${admin(link)}/invitations`,
    { role, expiresAt, label },
    link.token,
  );

export const revokeMember = (link: RelayLink, id: string) =>
  call<unknown>(link.httpUrl, 'POST', `${admin(link)}/members/${id}/revoke`, {}, link.token);

export const revokeInvitation = (link: RelayLink, id: string) =>
  call<unknown>(link.httpUrl, 'POST', `${admin(link)}/invitations/${id}/revoke`, {}, link.token);
