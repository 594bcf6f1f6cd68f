import { describe, expect, it } from 'vitest';
import { isBlockedAddress, isBlockedHostName } from '../../src/fetch/blocked-address.js';

describe('isBlockedAddress', () => {
  it.each([
    // One vector per IPv4 range, with its edges.
    ['0.0.0.0', 'unspecified'],
    ['0.255.255.255', 'unspecified'],
    ['10.0.0.0', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.0', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['100.100.100.200', 'CGNAT (cloud metadata)'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['169.254.0.1', 'link-local'],
    ['172.16.0.0', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'reserved (IETF protocol assignments)'],
    ['192.0.2.1', 'reserved (documentation)'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'reserved (benchmarking)'],
    ['198.51.100.7', 'reserved (documentation)'],
    ['203.0.113.9', 'reserved (documentation)'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    // IPv6.
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::127.0.0.1', 'IPv4-compatible IPv6 (deprecated)'],
    ['100::1', 'reserved (discard-only)'],
    ['2001:db8::1', 'reserved (documentation)'],
    ['fc00::1', 'private'],
    ['fdff:ffff::1', 'private'],
    ['fd00:ec2::254', 'private (cloud metadata)'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'site-local (deprecated)'],
    ['ff02::1', 'multicast'],
    // IPv4 inside IPv6: mapped (dotted and hex), NAT64, 6to4.
    ['::ffff:127.0.0.1', 'loopback (IPv4 127.0.0.1 inside IPv6)'],
    ['::ffff:7f00:1', 'loopback (IPv4 127.0.0.1 inside IPv6)'],
    ['::ffff:169.254.169.254', 'link-local (cloud metadata) (IPv4 169.254.169.254 inside IPv6)'],
    ['64:ff9b::a00:1', 'private (IPv4 10.0.0.1 inside IPv6)'],
    ['2002:c0a8:101::1', 'private (IPv4 192.168.1.1 inside IPv6)'],
    ['not-an-ip', 'not an IP address'],
  ])('%s → %s', (ip, reason) => {
    expect(isBlockedAddress(ip)).toBe(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '9.255.255.255', // just below 10/8
    '11.0.0.0', // just above 10/8
    '100.63.255.255', // just below CGNAT
    '100.128.0.0', // just above CGNAT
    '126.255.255.255',
    '128.0.0.0',
    '169.253.255.255',
    '172.15.255.255', // just below 172.16/12
    '172.32.0.0', // just above 172.16/12
    '192.167.255.255',
    '192.169.0.0',
    '223.255.255.255', // just below multicast
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '2002:808:808::1',
    'fbff:ffff::1', // just below fc00::/7
  ])('%s is public', (ip) => {
    expect(isBlockedAddress(ip)).toBeNull();
  });

  it('lets allowPrivate open loopback, private and CGNAT, but never metadata, link-local or the rest', () => {
    const open = { allowPrivate: true };
    for (const ip of ['127.0.0.1', '::1', '10.1.2.3', '172.20.0.1', '192.168.0.10', '100.64.1.1', 'fd12::1', '::ffff:127.0.0.1']) {
      expect(isBlockedAddress(ip, open), ip).toBeNull();
    }
    expect(isBlockedAddress('169.254.169.254', open)).toBe('link-local (cloud metadata)');
    expect(isBlockedAddress('100.100.100.200', open)).toBe('CGNAT (cloud metadata)');
    expect(isBlockedAddress('fd00:ec2::254', open)).toBe('private (cloud metadata)');
    expect(isBlockedAddress('169.254.1.1', open)).toBe('link-local');
    expect(isBlockedAddress('fe80::1', open)).toBe('link-local');
    expect(isBlockedAddress('0.0.0.0', open)).toBe('unspecified');
    expect(isBlockedAddress('::', open)).toBe('unspecified');
    expect(isBlockedAddress('224.0.0.1', open)).toBe('multicast');
  });
});

describe('isBlockedHostName', () => {
  it.each(['metadata.google.internal', 'METADATA.GOOGLE.INTERNAL.', 'metadata', 'metadata.goog', 'instance-data.ec2.internal'])(
    '%s is refused',
    (name) => {
      expect(isBlockedHostName(name)).toBe('a cloud metadata host name');
    },
  );

  it.each(['example.com', 'metadata.example.com', 'news.google.com'])('%s is not refused by name', (name) => {
    expect(isBlockedHostName(name)).toBeNull();
  });
});
