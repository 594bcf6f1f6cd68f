/** Canonical form of a report's URL, so one article reached through two links is one report. */

/** Query parameters that track the click, not the article. */
const TRACKING_PARAMS: readonly RegExp[] = [
  /^utm_/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^msclkid$/i, /^mc_(cid|eid)$/i, /^igshid$/i,
  /^_ga$/i, /^ref_src$/i, /^at_medium$/i, /^at_campaign$/i, /^amp$/i,
];

/**
 * Returns the canonical URL: http(s) only, lower-case host, no default port, no fragment,
 * no tracking parameters, no trailing `?`. Returns null for anything that is not an http(s) URL.
 */
export function canonicalUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.some((p) => p.test(key))) url.searchParams.delete(key);
  }
  const text = url.toString();
  return text.endsWith('?') ? text.slice(0, -1) : text;
}
