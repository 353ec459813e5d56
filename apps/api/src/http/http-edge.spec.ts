import { hasUsableOrigin } from './http-edge';

/** What the check answered before it kept anything: both URLs built on every request. */
function builtEveryTime(request: { url: string; protocol: string; hostname: string }): boolean {
  try {
    const origin = `${request.protocol}://${request.hostname}/`;
    new URL(request.url, origin);
    return request.hostname.trim() !== '' && new URL(origin).hostname !== '';
  } catch {
    return false;
  }
}

describe('hasUsableOrigin', () => {
  const hosts = ['127.0.0.1', 'kom.example', '[::1]', '[::1', '%zz', '', ' ', 'a b', 'xn--bcher-kva.example', 'host:99999'];
  const targets = ['/graphql', '/', '/graphql?x=%zz', '//evil', '//[::1', '/\\[::1', '/\\evil', 'http://other/graphql', 'http://[::1', '*', 'graphql', ''];

  it('answers as building both URLs would, for every host and target, and again once it has kept the verdicts', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const protocol of ['http', 'https']) {
        for (const hostname of hosts) {
          for (const url of targets) {
            expect({ protocol, hostname, url, usable: hasUsableOrigin({ protocol, hostname, url } as never) }).toEqual({
              protocol,
              hostname,
              url,
              usable: builtEveryTime({ protocol, hostname, url }),
            });
          }
        }
      }
    }
  });

  it('still answers right after a flood of distinct hosts', () => {
    for (let i = 0; i < 1000; i++) expect(hasUsableOrigin({ protocol: 'http', hostname: `h${i}.example`, url: '/graphql' } as never)).toBe(true);
    expect(hasUsableOrigin({ protocol: 'http', hostname: '[::1', url: '/graphql' } as never)).toBe(false);
    expect(hasUsableOrigin({ protocol: 'http', hostname: '127.0.0.1', url: '/graphql' } as never)).toBe(true);
  });
});
