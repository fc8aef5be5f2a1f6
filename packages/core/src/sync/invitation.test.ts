import { describe, expect, it } from 'vitest';
import {
  decodeInvitation,
  decodeJoinLink,
  encodeInvitation,
  encodeJoinLink,
  parseInvitation,
  relayAddress,
} from './invitation.ts';

describe('invitations', () => {
  it('round-trips relay, unit, role, Chinese unit name and token', () => {
    const text = encodeInvitation({
      relayUrl: 'ws://127.0.0.1:4321',
      unitId: '01JD8ZQ5S3V9Y8K2M4N6P7R8T0',
      token: 'abc-_XYZ123',
      role: 'editor',
      unitName: '某县应急管理局',
    });
    expect(text).toMatch(
      /^tianbao:\/\/127\.0\.0\.1:4321\/01JD8ZQ5S3V9Y8K2M4N6P7R8T0\?role=editor&name=.+#abc-_XYZ123$/,
    );
    expect(decodeInvitation(`  ${text}\n`)).toEqual({
      relayUrl: 'ws://127.0.0.1:4321',
      httpUrl: 'http://127.0.0.1:4321',
      unitId: '01JD8ZQ5S3V9Y8K2M4N6P7R8T0',
      token: 'abc-_XYZ123',
      role: 'editor',
      unitName: '某县应急管理局',
    });
  });

  it('keeps TLS and a base path behind a reverse proxy', () => {
    const text = encodeInvitation({ relayUrl: 'wss://relay.example.org/tianbao/', unitId: 'U1', token: 't' });
    expect(text).toBe('tianbaos://relay.example.org/tianbao/U1#t');
    expect(decodeInvitation(text)).toMatchObject({
      relayUrl: 'wss://relay.example.org/tianbao',
      httpUrl: 'https://relay.example.org/tianbao',
      unitId: 'U1',
    });
  });

  it('rejects what is not an invitation with a clear error', () => {
    expect(() => decodeInvitation('https://example.org/x#y')).toThrow(/not a Tianbao invitation/);
    expect(() => decodeInvitation('tianbao://127.0.0.1:1/U1')).toThrow(/no token/);
    expect(() => decodeInvitation('tianbao://127.0.0.1:1/#tok')).toThrow(/no unit id/);
    expect(() => decodeInvitation('tianbao://127.0.0.1:1/U1?role=owner#tok')).toThrow(/unknown role/);
    expect(() => encodeInvitation({ relayUrl: 'ftp://x', unitId: 'U1', token: 't' })).toThrow(/ws/);
    expect(() => encodeInvitation({ relayUrl: 'ws://x', unitId: 'a/b', token: 't' })).toThrow(/unit id/);
  });
});

describe('invitation for one log', () => {
  it('carries the log id when the extension shares a log', () => {
    const text = encodeInvitation({
      relayUrl: 'ws://127.0.0.1:8787',
      unitId: '01J0UNIT',
      token: 't0k',
      role: 'editor',
      logId: '01J0LOG',
    });
    expect(text).toContain('log=01J0LOG');
    expect(decodeInvitation(text)).toMatchObject({
      unitId: '01J0UNIT',
      token: 't0k',
      logId: '01J0LOG',
      relayUrl: 'ws://127.0.0.1:8787',
    });
  });
});

describe('join links (invitation codes made in the dashboard)', () => {
  it('round-trips through the relay join page address', () => {
    const text = encodeJoinLink({
      relayUrl: 'ws://127.0.0.1:8787',
      unitId: '01J0UNIT',
      code: 'c0d-e_',
      role: 'viewer',
      unitName: '某县应急管理局',
      logId: '01J0LOG',
    });
    expect(text).toMatch(
      /^http:\/\/127\.0\.0\.1:8787\/join\/01J0UNIT\?role=viewer&name=.+&log=01J0LOG#c0d-e_$/,
    );
    expect(parseInvitation(` ${text} `)).toEqual({
      kind: 'code',
      relayUrl: 'ws://127.0.0.1:8787',
      httpUrl: 'http://127.0.0.1:8787',
      unitId: '01J0UNIT',
      code: 'c0d-e_',
      role: 'viewer',
      unitName: '某县应急管理局',
      logId: '01J0LOG',
    });
    const tls = encodeJoinLink({ relayUrl: 'wss://r.example.org/tb', unitId: 'U1', code: 'x' });
    expect(tls).toBe('https://r.example.org/tb/join/U1#x');
    expect(decodeJoinLink(tls)).toMatchObject({
      relayUrl: 'wss://r.example.org/tb',
      httpUrl: 'https://r.example.org/tb',
    });
  });

  it('tells command-line invitations and join links apart, and refuses other links', () => {
    expect(parseInvitation('tianbao://127.0.0.1:1/U1#tok')).toMatchObject({ kind: 'token', token: 'tok' });
    expect(() => parseInvitation('https://example.org/x#y')).toThrow(/join link/);
    expect(() => parseInvitation('http://127.0.0.1:1/join/U1')).toThrow(/no code/);
    expect(() => parseInvitation('http://127.0.0.1:1/join/U1?role=owner#c')).toThrow(/unknown role/);
  });

  it('reads a relay address as a person types it', () => {
    const local = { relayUrl: 'ws://127.0.0.1:8787', httpUrl: 'http://127.0.0.1:8787' };
    expect(relayAddress('127.0.0.1:8787')).toEqual(local);
    expect(relayAddress(' http://127.0.0.1:8787/ ')).toEqual(local);
    expect(relayAddress('ws://127.0.0.1:8787')).toEqual(local);
    expect(relayAddress('https://relay.example.org/tianbao')).toEqual({
      relayUrl: 'wss://relay.example.org/tianbao',
      httpUrl: 'https://relay.example.org/tianbao',
    });
    for (const bad of ['', 'ftp://x', 'http://', 'http://a?b=1']) expect(() => relayAddress(bad)).toThrow();
  });
});
