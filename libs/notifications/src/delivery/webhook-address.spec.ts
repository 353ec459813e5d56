import { isPublicAddress, webhookTargetProblem } from './webhook-address';

describe('webhook targets: public addresses only, unless allowed', () => {
  const resolveTo = (...addresses: string[]) => async () => addresses;

  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])(
    'refuses %s',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:1.1.1.1'])('accepts %s', (address) => expect(isPublicAddress(address)).toBe(true));

  it('judges a literal address in the URL, IPv6 in brackets too', async () => {
    expect(await webhookTargetProblem('http://127.0.0.1:8080/hook', false)).toMatch(/loopback/);
    expect(await webhookTargetProblem('http://[::1]/hook', false)).toMatch(/loopback/);
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
