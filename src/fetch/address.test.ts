import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAddress, isIpLiteral } from './address.js';

const cases: Array<[address: string, blocked: boolean, mentions?: string]> = [
  ['127.0.0.1', true, 'loopback'],
  ['127.8.9.10', true, 'loopback'],
  ['0.0.0.0', true, 'this-network'],
  ['10.1.2.3', true, 'private'],
  ['172.16.0.1', true, 'private'],
  ['172.31.255.255', true, 'private'],
  ['172.32.0.1', false],
  ['192.168.1.1', true, 'private'],
  ['169.254.169.254', true, 'link-local'],
  ['100.64.0.1', true, 'carrier-grade NAT'],
  ['100.128.0.1', false],
  ['224.0.0.1', true, 'multicast'],
  ['255.255.255.255', true, 'reserved'],
  ['198.18.0.5', true, 'benchmarking'],
  ['8.8.8.8', false],
  ['93.184.216.34', false],
  ['::', true, 'unspecified'],
  ['::1', true, 'loopback'],
  ['[::1]', true, 'loopback'],
  ['fc00::1', true, 'unique-local'],
  ['fd12:3456::1', true, 'unique-local'],
  ['fe80::1%eth0', true, 'link-local'],
  ['ff02::1', true, 'multicast'],
  ['::ffff:127.0.0.1', true, 'IPv4-mapped form of loopback'],
  ['::ffff:7f00:1', true, 'IPv4-mapped form of loopback'],
  ['::ffff:8.8.8.8', false],
  ['64:ff9b::10.0.0.1', true, 'NAT64 form of private'],
  ['2002:c0a8:0101::1', true, '6to4 form of private'],
  ['2001:db8::1', true, 'documentation'],
  ['2606:4700::1111', false],
  ['2001:4860:4860::8888', false],
  ['example.com', true, 'not an IP address'],
  ['1:2:3:4:5:6:7:8:9', true, 'not an IP address'],
  ['010.1.2.3', true, 'not an IP address'], // a leading zero reads as octal to some resolvers: refused
  ['::127.0.0.1', true, 'IPv4-compatible form of loopback'],
  ['::8.8.8.8', true, 'IPv4-compatible (::/96, deprecated)'],
  ['64:ff9b::8.8.8.8', false],
  ['2002:0808:0808::1', false],
  ['[fe80::1%25eth0]', true, 'link-local'],
];

for (const [address, blocked, mentions] of cases) {
  test(`checkAddress: ${address}`, () => {
    const check = checkAddress(address);
    assert.equal(check.blocked, blocked);
    if (check.blocked && mentions !== undefined) assert.ok(check.reason.includes(mentions), check.reason);
  });
}

test('isIpLiteral', () => {
  assert.equal(isIpLiteral('127.0.0.1'), true);
  assert.equal(isIpLiteral('[::1]'), true);
  assert.equal(isIpLiteral('news.example'), false);
  assert.equal(isIpLiteral('999.1.1.1'), false);
});
