import { isPublicAddress, webhookTargetProblem } from './webhook-address';

describe('webhook targets: public addresses only, unless allowed', () => {
  const resolveTo = (...addresses: string[]) => async () => addresses;

  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])(
    'refuses %s',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each([
    ['::7f00:1', 'IPv4-compatible (::/96, deprecated), as a URL writes ::127.0.0.1'],
    ['::a9fe:a9fe', 'IPv4-compatible, the metadata service'],
    ['::ffff:0:7f00:1', 'IPv4-translated (::ffff:0:0:0/96)'],
    ['64:ff9b:1::7f00:1', 'local-use NAT64 (64:ff9b:1::/48)'],
    ['fec0::1', 'site-local (fec0::/10, deprecated)'],
    ['2002:7f00:1::1', '6to4 (2002::/16), an IPv4 address inside'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo (2001::/32), an IPv4 address inside'],
    ['2001:db8::1', 'documentation (2001:db8::/32)'],
    ['3fff::1', 'documentation (3fff::/20)'],
    ['100::1', 'discard-only (100::/64)'],
    ['192.0.2.1', 'documentation (TEST-NET-1)'],
    ['198.51.100.7', 'documentation (TEST-NET-2)'],
    ['203.0.113.9', 'documentation (TEST-NET-3)'],
    ['192.88.99.1', '6to4 relay anycast (deprecated)'],
  ])('refuses %s: %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '2a00:1450:400f:80d::200e', '::ffff:1.1.1.1'])('accepts %s', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );

  it('judges a literal address in the URL, IPv6 in brackets too', async () => {
    expect(await webhookTargetProblem('http://127.0.0.1:8080/hook', false)).toMatch(/loopback/);
    expect(await webhookTargetProblem('http://[::1]/hook', false)).toMatch(/loopback/);
    expect(await webhookTargetProblem('http://[::127.0.0.1]/hook', false)).toMatch(/loopback/);
    expect(await webhookTargetProblem('https://1.1.1.1/hook', false)).toBeUndefined();
  });

  it('judges a host name by every address it resolves to', async () => {
    expect(await webhookTargetProblem('https://hooks.example.org/x', false, resolveTo('1.1.1.1'))).toBeUndefined();
    expect(await webhookTargetProblem('https://hooks.example.org/x', false, resolveTo('1.1.1.1', '10.0.0.5'))).toMatch(/resolves to/);
    expect(await webhookTargetProblem('https://hooks.example.org/x', false, async () => Promise.reject(new Error('ENOTFOUND')))).toMatch(/does not resolve/);
    expect(await webhookTargetProblem('http://localhost:9/x', false)).toMatch(/resolves to/);
  });

  it('lets everything through when the operator allows private addresses', async () => {
    expect(await webhookTargetProblem('http://127.0.0.1:8080/hook', true)).toBeUndefined();
  });
});
