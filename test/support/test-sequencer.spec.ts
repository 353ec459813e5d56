import { join } from 'node:path';

interface FakeTest {
  path: string;
  duration?: number;
}
type Order = (
  tests: FakeTest[],
  known: Record<string, number>,
  options: { failed?: (t: FakeTest) => boolean; fallback?: (t: FakeTest) => number | undefined; size: (t: FakeTest) => number },
) => FakeTest[];
const { order, ROOT } = require('./test-sequencer') as { order: Order; ROOT: string };

const at = (path: string): FakeTest => ({ path: join(ROOT, path) });
const names = (tests: FakeTest[]) => tests.map((t) => t.path.slice(ROOT.length + 1));

describe('the test order', () => {
  const sizes: Record<string, number> = { 'a.spec.ts': 10, 'b.spec.ts': 500, 'c.spec.ts': 200, 'd.spec.ts': 900 };
  const size = (t: FakeTest) => sizes[t.path.slice(ROOT.length + 1)] ?? 0;

  it('runs the files with a known duration first, longest first, then the others largest first', () => {
    const tests = ['a.spec.ts', 'b.spec.ts', 'c.spec.ts', 'd.spec.ts'].map(at);
    expect(names(order(tests, { 'a.spec.ts': 90, 'c.spec.ts': 3 }, { size }))).toEqual(['a.spec.ts', 'c.spec.ts', 'd.spec.ts', 'b.spec.ts']);
  });

  it('puts a file that failed last time before all others', () => {
    const tests = ['a.spec.ts', 'b.spec.ts', 'c.spec.ts'].map(at);
    const failed = (t: FakeTest) => t.path.endsWith('b.spec.ts');
    expect(names(order(tests, { 'a.spec.ts': 90, 'c.spec.ts': 3 }, { size, failed }))).toEqual(['b.spec.ts', 'a.spec.ts', 'c.spec.ts']);
  });

  it('takes a local duration for a file the list does not know, and gives jest the duration in ms', () => {
    const tests = ['a.spec.ts', 'b.spec.ts', 'd.spec.ts'].map(at);
    const fallback = (t: FakeTest) => (t.path.endsWith('b.spec.ts') ? 40 : undefined);
    const sorted = order(tests, { 'a.spec.ts': 20 }, { size, fallback });
    expect(names(sorted)).toEqual(['b.spec.ts', 'a.spec.ts', 'd.spec.ts']);
    expect(sorted.map((t) => t.duration)).toEqual([40_000, 20_000, undefined]);
  });
});
