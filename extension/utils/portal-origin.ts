// Origins, match patterns and learned-mapping keys of portal pages (pure, no browser APIs).

export const originPattern = (origin: string) => `${origin}/*`;

/** http(s) origin of a page, or null for pages the extension never touches (chrome://, files, the store). */
export function portalOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Learned mappings are kept per page of a portal: origin + path (no query: session ids live there). */
export function portalKeyOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** 'https://x.gov.cn' from a granted pattern 'https://x.gov.cn/*' (null for wildcards). */
export function originOfPattern(pattern: string): string | null {
  const m = /^(https?:\/\/[^/*]+)\/\*$/.exec(pattern);
  return m?.[1] ?? null;
}
