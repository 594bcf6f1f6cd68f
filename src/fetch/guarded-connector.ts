// An undici connector that refuses to open a socket to a blocked address, checked at connect time after DNS.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { isBlockedAddress, isBlockedHostName } from './blocked-address.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to all its addresses (default: `dns.lookup` with `all: true`). */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** What an address guard is told besides the address. */
export interface GuardContext {
  /** The host name being connected to (the address itself for an IP literal). */
  readonly hostname: string;
  readonly allowPrivate: boolean;
}

/** Why connecting to `address` is refused, or null to allow it (default: `isBlockedAddress`). */
export type AddressGuard = (address: string, context: GuardContext) => string | null;

/** How the connector resolves and judges addresses. */
export interface GuardedConnectorOptions {
  readonly allowPrivate: boolean;
  /** Milliseconds to wait for the TCP (and TLS) handshake. */
  readonly connectTimeoutMs: number;
  readonly resolve?: HostResolver;
  readonly guard?: AddressGuard;
}

/** A connection was refused because the host name or an address it resolves to is blocked. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  constructor(
    readonly hostname: string,
    /** The refused address, or null when the host name itself is refused. */
    readonly address: string | null,
    readonly reason: string,
    /** True when `allowPrivate` would have let the connection through. */
    readonly privateOnly: boolean,
  ) {
    const what = address === null ? hostname : address === hostname ? `the address ${address}` : `${hostname} resolves to ${address}, which`;
    super(`refused: ${what} is ${reason}`);
  }
}

/** The default resolver: every address the system resolver returns, in its order. */
export const resolveWithDns: HostResolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (err, addresses: LookupAddress[]) => {
      if (err) reject(err);
      else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
    });
  });

const defaultGuard: AddressGuard = (address, { allowPrivate }) => isBlockedAddress(address, { allowPrivate });

function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Builds an undici `connect` function that checks every address before a socket is opened: an IP
 * literal directly, a host name through a `lookup` hook that resolves all its addresses and refuses
 * the connection if ANY is blocked (so DNS rebinding cannot pass a check made earlier). Refusals
 * fail the request with a `BlockedAddressError`.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const resolve = options.resolve ?? resolveWithDns;
  const guard = options.guard ?? defaultGuard;
  const { allowPrivate } = options;

  const refusal = (address: string, hostname: string): BlockedAddressError | null => {
    const reason = guard(address, { hostname, allowPrivate });
    if (reason === null) return null;
    const privateOnly = !allowPrivate && guard(address, { hostname, allowPrivate: true }) === null;
    return new BlockedAddressError(hostname, address, reason, privateOnly);
  };

  const lookup: LookupFunction = (hostname: string, lookupOptions: LookupOptions, callback) => {
    const nameReason = isBlockedHostName(hostname);
    if (nameReason !== null) {
      callback(new BlockedAddressError(hostname, null, nameReason, false), '', 0);
      return;
    }
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.map((a) => refusal(a.address, hostname)).find((e) => e !== null);
        const wanted = addresses.filter((a) => !lookupOptions.family || a.family === lookupOptions.family);
        const first = wanted[0];
        if (refused !== undefined) callback(refused, '', 0);
        else if (first === undefined) {
          callback(Object.assign(new Error(`no address found for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        } else if (lookupOptions.all === true) callback(null, wanted.map((a) => ({ ...a })));
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };

  const connect = buildConnector({ lookup, timeout: options.connectTimeoutMs });
  return (connectOptions, callback) => {
    const host = unbracket(connectOptions.hostname);
    // Node's net.connect skips `lookup` for IP literals, so they are judged here.
    const refused = isIP(host) === 0 ? null : refusal(host, host);
    if (refused !== null) callback(refused, null);
    else connect(connectOptions, callback);
  };
}
