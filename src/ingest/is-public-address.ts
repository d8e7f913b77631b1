// Whether an IP address may be fetched without FETCH_ALLOW_HOSTS: not private, loopback, link-local,
// unique-local, carrier-grade NAT, multicast or otherwise reserved (IPv4, IPv6, and IPv4 mapped in IPv6).
import { BlockList, isIPv4, isIPv6 } from 'node:net';

const BLOCKED_V4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;
const BLOCKED_V6 = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const;

function blockList(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of BLOCKED_V4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of BLOCKED_V6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

/** True for an address on the public internet; false for anything else, and for what is no IP. */
export function isPublicAddress(address: string, blocked: BlockList = blockList()): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped, blocked);
  if (isIPv4(address)) return !blocked.check(address, 'ipv4');
  if (isIPv6(address)) return !blocked.check(address, 'ipv6');
  return false;
}
