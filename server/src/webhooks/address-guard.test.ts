import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors.ts';
import { checkTarget, isPrivateAddress } from './address-guard.ts';

describe('webhook SSRF guard', () => {
  it('tells public from private, loopback, link-local and reserved addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      'not-an-ip',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('refuses a private target after resolution unless allowed; the checked address is the one returned', async () => {
    const resolveTo = (address: string) => async () => [{ address, family: 4 }];
    const url = new URL('https://hooks.example/x');
    await expect(checkTarget(url, false, resolveTo('10.0.0.5'))).rejects.toThrow(AppError);
    await expect(checkTarget(url, true, resolveTo('10.0.0.5'))).resolves.toEqual({
      address: '10.0.0.5',
      family: 4,
    });
    await expect(checkTarget(url, false, resolveTo('93.184.216.34'))).resolves.toMatchObject({
      address: '93.184.216.34',
    });
    // One private address among several is enough to refuse (DNS may answer either).
    const mixed = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    await expect(checkTarget(url, false, mixed)).rejects.toThrow(/private/);
    await expect(checkTarget(new URL('http://127.0.0.1:9/x'), false)).rejects.toThrow(/private/);
    await expect(checkTarget(new URL('http://[::1]:9/x'), false)).rejects.toThrow(/private/);
    await expect(
      checkTarget(new URL('http://u:p@hooks.example/'), true, resolveTo('8.8.8.8')),
    ).rejects.toThrow(/credentials/);
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    await expect(checkTarget(url, false, failing)).rejects.toThrow(/does not resolve/);
  });
});
