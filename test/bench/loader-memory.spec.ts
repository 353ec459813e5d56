import { residentMegabytes } from '../../bench/graphql/loader-memory';

// G6 prints the RSS without the benchmark's TypeScript loader: only the loader's mappings may be
// taken off, every kilobyte of them, and nothing else.
describe('the loader memory taken off the benchmark RSS', () => {
  const smaps = [
    '00400000-00452000 r-xp 00000000 08:02 173521      /usr/bin/node',
    'Size:               2048 kB',
    'Rss:                1024 kB',
    '7f0000000000-7f0000100000 r-xp 00000000 08:02 2001   /app/node_modules/@swc/core-linux-x64-gnu/swc.linux-x64-gnu.node',
    'Size:              10240 kB',
    'Rss:                8192 kB',
    'Pss:                8192 kB',
    '7f0000100000-7f0000200000 rw-p 00000000 00:00 0 ',
    'Rss:                 512 kB',
    '7f0000200000-7f0000300000 r--p 00000000 08:02 2002   /root/.cache/swc-native-0/v1/abc.node',
    'Rss:                2048 kB',
    '7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0      [stack]',
    'Rss:                 132 kB',
  ].join('\n');

  it('sums the resident kilobytes of the matching mappings only', () => {
    expect(residentMegabytes(smaps, /swc/)).toBe((8192 + 2048) / 1024);
    expect(residentMegabytes(smaps, /\/usr\/bin\/node/)).toBe(1);
    expect(residentMegabytes(smaps, /nothing-like-this/)).toBe(0);
  });
});
