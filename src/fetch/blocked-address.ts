// Decides whether an IP address or host name must not be fetched: loopback, private, metadata and other non-public ranges.
import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Options for `isBlockedAddress` and `isBlockedHostName`. */
export interface BlockOptions {
  /**
   * Allow loopback, private (RFC 1918, IPv6 unique local) and CGNAT addresses, for intranets and
   * tests. Cloud metadata, link-local, unspecified, multicast and reserved addresses stay blocked.
   */
  readonly allowPrivate?: boolean;
}

type Family = 'ipv4' | 'ipv6';

/** One row of the range table; `private` rows are lifted by `allowPrivate`, the others never. */
interface BlockedRange {
  readonly network: string;
  readonly prefix: number;
  readonly family: Family;
  readonly reason: string;
  readonly private: boolean;
}

function range(cidr: string, reason: string, isPrivate = false): BlockedRange {
  const [network = '', prefix = ''] = cidr.split('/');
  return { network, prefix: Number(prefix), family: isIPv4(network) ? 'ipv4' : 'ipv6', reason, private: isPrivate };
}

/** Non-public ranges, first match wins: the metadata hosts come before the ranges that hold them. */
const BLOCKED_RANGES: readonly BlockedRange[] = [
  range('0.0.0.0/8', 'unspecified'),
  range('10.0.0.0/8', 'private', true),
  range('100.100.100.200/32', 'CGNAT (cloud metadata)'),
  range('100.64.0.0/10', 'CGNAT', true),
  range('127.0.0.0/8', 'loopback', true),
  range('169.254.169.254/32', 'link-local (cloud metadata)'),
  range('169.254.0.0/16', 'link-local'),
  range('172.16.0.0/12', 'private', true),
  range('192.0.0.0/24', 'reserved (IETF protocol assignments)'),
  range('192.0.2.0/24', 'reserved (documentation)'),
  range('192.168.0.0/16', 'private', true),
  range('198.18.0.0/15', 'reserved (benchmarking)'),
  range('198.51.100.0/24', 'reserved (documentation)'),
  range('203.0.113.0/24', 'reserved (documentation)'),
  range('224.0.0.0/4', 'multicast'),
  range('255.255.255.255/32', 'broadcast'),
  range('240.0.0.0/4', 'reserved'),
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback', true),
  range('::/96', 'IPv4-compatible IPv6 (deprecated)'),
  range('100::/64', 'reserved (discard-only)'),
  range('2001:db8::/32', 'reserved (documentation)'),
  range('fd00:ec2::254/128', 'private (cloud metadata)'),
  range('fc00::/7', 'private', true),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'site-local (deprecated)', true),
  range('ff00::/8', 'multicast'),
];

/** A BlockList holding one CIDR range. */
function subnet(network: string, prefix: number, family: Family): BlockList {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return list;
}

/** Each row as its own BlockList, so a match tells which row (and reason) it was. */
const RANGE_LISTS: readonly { readonly row: BlockedRange; readonly list: BlockList }[] = BLOCKED_RANGES.map((row) => ({
  row,
  list: subnet(row.network, row.prefix, row.family),
}));

/**
 * IPv6 prefixes that carry an IPv4 address in their low 32 bits (IPv4-mapped, NAT64); the embedded
 * address is judged instead, so ::ffff:127.0.0.1 is loopback while ::ffff:8.8.8.8 is public.
 */
const LOW_IPV4_PREFIXES: readonly BlockList[] = [subnet('::ffff:0:0', 96, 'ipv6'), subnet('64:ff9b::', 96, 'ipv6')];
/** 6to4 (2002::/16) carries its IPv4 address in bits 16 to 47. */
const SIX_TO_FOUR = subnet('2002::', 16, 'ipv6');

/** Host names of cloud metadata services, refused whatever they resolve to. */
const METADATA_HOST_NAMES: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.com',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** The eight 16-bit groups of a valid IPv6 address without zone. */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/u.exec(text)?.[1];
  if (dotted !== undefined) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = 8 - left.length - right.length;
  return [...left, ...Array<number>(Math.max(zeros, 0)).fill(0), ...right];
}

function ipv4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4), or null. */
function embeddedIpv4(ip: string): string | null {
  if (LOW_IPV4_PREFIXES.some((list) => list.check(ip, 'ipv6'))) {
    const groups = ipv6Groups(ip);
    return ipv4FromGroups(groups[6] ?? 0, groups[7] ?? 0);
  }
  if (SIX_TO_FOUR.check(ip, 'ipv6')) {
    const groups = ipv6Groups(ip);
    return ipv4FromGroups(groups[1] ?? 0, groups[2] ?? 0);
  }
  return null;
}

/**
 * Why connecting to this IP address is refused ("loopback", "private", "link-local (cloud
 * metadata)", "CGNAT", ...), or null when it is a public address. IPv4-mapped, NAT64 and 6to4 IPv6
 * forms are judged by the IPv4 address inside them; an IPv6 zone (`%eth0`) is ignored. A string
 * that is not an IP address is refused as "not an IP address".
 */
export function isBlockedAddress(ip: string, options: BlockOptions = {}): string | null {
  const address = ip.replace(/^\[|\]$/gu, '').replace(/%.*$/u, '');
  const family: Family | null = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
  if (family === null) return 'not an IP address';
  if (family === 'ipv6') {
    const inner = embeddedIpv4(address);
    if (inner !== null) {
      const reason = isBlockedAddress(inner, options);
      return reason === null ? null : `${reason} (IPv4 ${inner} inside IPv6)`;
    }
  }
  const match = RANGE_LISTS.find(({ row, list }) => row.family === family && list.check(address, family))?.row;
  if (match === undefined || (match.private && options.allowPrivate === true)) return null;
  return match.reason;
}

/**
 * Why a host name is refused before it is even resolved (the cloud metadata names such as
 * `metadata.google.internal`), or null. Case and a trailing dot are ignored.
 */
export function isBlockedHostName(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.$/u, '');
  return METADATA_HOST_NAMES.has(name) ? 'a cloud metadata host name' : null;
}
