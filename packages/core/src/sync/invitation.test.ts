import { describe, expect, it } from 'vitest';
import { decodeInvitation, encodeInvitation } from './invitation.ts';

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
