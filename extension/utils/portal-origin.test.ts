import { describe, expect, it } from 'vitest';
import { originOfPattern, originPattern, portalKeyOf, portalOrigin } from './portal-origin';

describe('portal origins and keys', () => {
  it('only http(s) pages are portals', () => {
    expect(portalOrigin('https://tjb.yjgl.gov.cn:8443/a/b.jsp?x=1')).toBe('https://tjb.yjgl.gov.cn:8443');
    expect(portalOrigin('http://127.0.0.1:8788/jsp/index.html')).toBe('http://127.0.0.1:8788');
    expect(portalOrigin('chrome://extensions/')).toBeNull();
    expect(portalOrigin('file:///tmp/x.html')).toBeNull();
    expect(portalOrigin('')).toBeNull();
    expect(portalOrigin('not a url')).toBeNull();
  });

  it('learned mappings are kept per page: origin and path, not the query (session ids live there)', () => {
    expect(portalKeyOf('https://x.gov.cn/tjb/edit.do?id=42&jsessionid=abc#top')).toBe(
      'https://x.gov.cn/tjb/edit.do',
    );
  });

  it('a granted pattern maps back to its origin; wildcards do not', () => {
    expect(originOfPattern(originPattern('https://x.gov.cn:8443'))).toBe('https://x.gov.cn:8443');
    expect(originOfPattern('https://*/*')).toBeNull();
    expect(originOfPattern('<all_urls>')).toBeNull();
  });
});
