import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/*
 * Proves that the layer rules in .dependency-cruiser.js bite. dependency-cruiser is ESM-only, so
 * instead of importing its API under jest's CommonJS runtime this runs its CLI, with the
 * repository's configuration, over a small monorepo written to a temporary directory: a few
 * files that follow the rules and, for every rule, files that break it. The fixture lives outside
 * the repository, so neither `npm run lint:deps` nor `tsc` ever sees it.
 */

const REPO = resolve(__dirname, '../..');
const CONFIG = join(REPO, '.dependency-cruiser.js');
const DEPCRUISE = join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface RuleConfig {
  name: string;
  severity: string;
}

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
  type: string;
}

/** The rules and their severities. Some rules have several entries (one per way to break them). */
const RULES: Record<string, string> = {
  'domain-is-pure': 'error',
  'kernel-is-pure': 'error',
  'libs-do-not-import-apps': 'error',
  'no-circular': 'error',
  'no-deep-imports-across-libs': 'error',
  'contexts-point-one-way': 'error',
  'testing-only-in-tests': 'error',
  'not-to-unresolvable': 'error',
  'no-orphans': 'warn',
  'web-talks-graphql-only': 'error',
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(CONFIG) as { forbidden: RuleConfig[] };

const TSCONFIG = {
  compilerOptions: {
    module: 'commonjs',
    moduleResolution: 'node',
    target: 'ES2022',
    strict: true,
    baseUrl: './',
    paths: {
      '@kom/kernel': ['libs/kernel/src'],
      '@kom/kernel/testing': ['libs/kernel/src/testing'],
      '@kom/meetings': ['libs/meetings/src'],
      '@kom/issues': ['libs/issues/src'],
    },
  },
  include: ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts'],
};

/** Files that follow every rule: they must produce no violation at all. */
const CLEAN: Record<string, string> = {
  'libs/kernel/src/index.ts': `export * from './decider';\n`,
  // The kernel may use zod, node:crypto (with or without the prefix) and itself.
  'libs/kernel/src/decider.ts': [
    `import { z } from 'zod';`,
    `import { createHash } from 'node:crypto';`,
    `import { randomUUID } from 'crypto';`,
    `export const Id = z.string();`,
    `export const hash = (s: string) => createHash('sha256').update(s).digest('hex') + randomUUID();`,
  ].join('\n'),
  // The kernel's testing folder is for tests: it may use test tooling and node core modules.
  'libs/kernel/src/testing/index.ts': [
    `import { strict as assert } from 'node:assert';`,
    `import { Id } from '../index';`,
    `export const expectId = (v: unknown) => assert.ok(Id.safeParse(v).success);`,
  ].join('\n'),

  // A context: pure domain, application code on NestJS, a public face.
  'libs/meetings/src/index.ts': `export * from './domain/meeting.decider';\nexport * from './application/schedule-meeting.handler';\n`,
  'libs/meetings/src/domain/meeting.events.ts': `import { z } from 'zod';\nexport const MeetingScheduled = z.object({ meetingId: z.string() });\n`,
  'libs/meetings/src/domain/meeting.decider.ts': [
    `import type { ZodType } from 'zod';`,
    `import { randomUUID } from 'node:crypto';`,
    `import { hash } from '@kom/kernel';`,
    `import { MeetingScheduled } from './meeting.events';`,
    `export const schema: ZodType = MeetingScheduled;`,
    `export const decide = () => [{ id: randomUUID(), h: hash('x') }];`,
  ].join('\n'),
  // A spec beside the domain may use the kernel's testing helpers.
  'libs/meetings/src/domain/meeting.decider.spec.ts': [
    `import { expectId } from '@kom/kernel/testing';`,
    `import { decide } from './meeting.decider';`,
    `it('decides', () => expectId(decide()[0]!.id));`,
  ].join('\n'),
  'libs/meetings/src/application/schedule-meeting.handler.ts': [
    `import { Injectable } from '@nestjs/common';`,
    `import { decide } from '../domain/meeting.decider';`,
    `@Injectable()`,
    `export class ScheduleMeetingHandler { run() { return decide(); } }`,
  ].join('\n'),

  // Another context builds on meetings through its public face.
  'libs/issues/src/index.ts': `import { decide } from '@kom/meetings';\nexport const onIssue = () => decide();\n`,

  'apps/api/src/main.ts': `import { ScheduleMeetingHandler } from '@kom/meetings';\nimport { onIssue } from '@kom/issues';\nexport const bootstrap = () => [new ScheduleMeetingHandler(), onIssue()];\n`,
  'test/support/helpers.ts': `import { expectId } from '@kom/kernel/testing';\nimport { decide } from '@kom/meetings';\nexport const check = () => expectId(decide()[0]!.id);\n`,
};

interface Expected {
  rule: string;
  /** The importing module (a RegExp where depcruise may pick either end, as for a cycle). */
  from: string | RegExp;
  /** The resolved target; npm packages from the symlinked node_modules as `node_modules/<name>/…`. */
  to: RegExp;
}

/** Files that break a rule, each with the violations it must cause. */
const BROKEN: Record<string, { source: string; expect: Expected[] }> = {
  'libs/meetings/src/domain/uses-nest.ts': {
    source: `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`,
    expect: [{ rule: 'domain-is-pure', from: 'libs/meetings/src/domain/uses-nest.ts', to: /^node_modules\/@nestjs\/common\// }],
  },
  'libs/meetings/src/domain/uses-sqlite-type.ts': {
    source: `import type { Database } from 'better-sqlite3';\nexport type Db = Database;\n`,
    expect: [{ rule: 'domain-is-pure', from: 'libs/meetings/src/domain/uses-sqlite-type.ts', to: /^node_modules\/(@types\/)?better-sqlite3\// }],
  },
  'libs/meetings/src/domain/uses-fs.ts': {
    source: `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`,
    expect: [{ rule: 'domain-is-pure', from: 'libs/meetings/src/domain/uses-fs.ts', to: /^fs$/ }],
  },
  'libs/meetings/src/domain/uses-application.ts': {
    source: `import { ScheduleMeetingHandler } from '../application/schedule-meeting.handler';\nexport const x = ScheduleMeetingHandler;\n`,
    expect: [
      {
        rule: 'domain-is-pure',
        from: 'libs/meetings/src/domain/uses-application.ts',
        to: /^libs\/meetings\/src\/application\/schedule-meeting\.handler\.ts$/,
      },
    ],
  },
  'libs/meetings/src/domain/uses-other-context.ts': {
    source: `import { onIssue } from '@kom/issues';\nexport const x = onIssue;\n`,
    expect: [
      { rule: 'domain-is-pure', from: 'libs/meetings/src/domain/uses-other-context.ts', to: /^libs\/issues\/src\/index\.ts$/ },
      { rule: 'contexts-point-one-way', from: 'libs/meetings/src/domain/uses-other-context.ts', to: /^libs\/issues\/src\/index\.ts$/ },
    ],
  },
  'libs/meetings/src/domain/uses-kernel-testing.ts': {
    source: `import { expectId } from '@kom/kernel/testing';\nexport const x = expectId;\n`,
    expect: [
      { rule: 'domain-is-pure', from: 'libs/meetings/src/domain/uses-kernel-testing.ts', to: /^libs\/kernel\/src\/testing\/index\.ts$/ },
      { rule: 'testing-only-in-tests', from: 'libs/meetings/src/domain/uses-kernel-testing.ts', to: /^libs\/kernel\/src\/testing\/index\.ts$/ },
    ],
  },

  'libs/kernel/src/uses-timers.ts': {
    source: `import { setTimeout as sleep } from 'node:timers/promises';\nexport const x = sleep;\n`,
    expect: [{ rule: 'kernel-is-pure', from: 'libs/kernel/src/uses-timers.ts', to: /^timers\/promises$/ }],
  },
  'libs/kernel/src/uses-a-context.ts': {
    source: `import { decide } from '@kom/meetings';\nexport const x = decide;\n`,
    expect: [{ rule: 'kernel-is-pure', from: 'libs/kernel/src/uses-a-context.ts', to: /^libs\/meetings\/src\/index\.ts$/ }],
  },

  'libs/issues/src/uses-the-app.ts': {
    source: `import { bootstrap } from '../../../apps/api/src/main';\nexport const x = bootstrap;\n`,
    expect: [{ rule: 'libs-do-not-import-apps', from: 'libs/issues/src/uses-the-app.ts', to: /^apps\/api\/src\/main\.ts$/ }],
  },

  // depcruise reports a cycle once, from whichever of its modules it meets first.
  'libs/issues/src/cycle-a.ts': {
    source: `import { b } from './cycle-b';\nexport const a = () => b();\n`,
    expect: [{ rule: 'no-circular', from: /^libs\/issues\/src\/cycle-[ab]\.ts$/, to: /^libs\/issues\/src\/cycle-[ab]\.ts$/ }],
  },
  'libs/issues/src/cycle-b.ts': {
    source: `import { a } from './cycle-a';\nexport const b = (): unknown => a;\n`,
    expect: [],
  },

  'libs/issues/src/deep-into-meetings.ts': {
    source: `import { decide } from '../../meetings/src/domain/meeting.decider';\nexport const x = decide;\n`,
    expect: [
      {
        rule: 'no-deep-imports-across-libs',
        from: 'libs/issues/src/deep-into-meetings.ts',
        to: /^libs\/meetings\/src\/domain\/meeting\.decider\.ts$/,
      },
    ],
  },
  'libs/issues/src/relative-to-the-face.ts': {
    source: `import { decide } from '../../meetings/src/index';\nexport const x = decide;\n`,
    expect: [{ rule: 'no-deep-imports-across-libs', from: 'libs/issues/src/relative-to-the-face.ts', to: /^libs\/meetings\/src\/index\.ts$/ }],
  },
  'apps/api/src/deep-into-meetings.ts': {
    source: `import { ScheduleMeetingHandler } from '../../../libs/meetings/src/application/schedule-meeting.handler';\nexport const x = ScheduleMeetingHandler;\n`,
    expect: [
      {
        rule: 'no-deep-imports-across-libs',
        from: 'apps/api/src/deep-into-meetings.ts',
        to: /^libs\/meetings\/src\/application\/schedule-meeting\.handler\.ts$/,
      },
    ],
  },
  'test/support/relative-to-the-face.ts': {
    source: `import { hash } from '../../libs/kernel/src/index';\nexport const x = hash;\n`,
    expect: [{ rule: 'no-deep-imports-across-libs', from: 'test/support/relative-to-the-face.ts', to: /^libs\/kernel\/src\/index\.ts$/ }],
  },

  // Meetings is upstream of issues: it may not import it, not even outside its domain.
  'libs/meetings/src/application/uses-issues.ts': {
    source: `import { onIssue } from '@kom/issues';\nexport const x = onIssue;\n`,
    expect: [{ rule: 'contexts-point-one-way', from: 'libs/meetings/src/application/uses-issues.ts', to: /^libs\/issues\/src\/index\.ts$/ }],
  },

  'libs/meetings/src/application/uses-testing.ts': {
    source: `import { expectId } from '@kom/kernel/testing';\nexport const x = expectId;\n`,
    expect: [{ rule: 'testing-only-in-tests', from: 'libs/meetings/src/application/uses-testing.ts', to: /^libs\/kernel\/src\/testing\/index\.ts$/ }],
  },
  'apps/api/src/uses-testing.ts': {
    source: `import { expectId } from '@kom/kernel/testing';\nexport const x = expectId;\n`,
    expect: [{ rule: 'testing-only-in-tests', from: 'apps/api/src/uses-testing.ts', to: /^libs\/kernel\/src\/testing\/index\.ts$/ }],
  },

  'apps/web/src/uses-a-library.ts': {
    source: `import { hash } from '@kom/kernel';\nexport const x = hash;\n`,
    expect: [{ rule: 'web-talks-graphql-only', from: 'apps/web/src/uses-a-library.ts', to: /^libs\/kernel\/src\/index\.ts$/ }],
  },
  'apps/web/src/uses-the-api.ts': {
    source: `import { bootstrap } from '../../api/src/main';\nexport const x = bootstrap;\n`,
    expect: [{ rule: 'web-talks-graphql-only', from: 'apps/web/src/uses-the-api.ts', to: /^apps\/api\/src\/main\.ts$/ }],
  },

  'libs/issues/src/typo.ts': {
    source: `import { nothing } from './does-not-exist';\nexport const x = nothing;\n`,
    expect: [{ rule: 'not-to-unresolvable', from: 'libs/issues/src/typo.ts', to: /^\.\/does-not-exist$/ }],
  },

  'libs/issues/src/forgotten.ts': {
    source: `export const forgotten = 1;\n`,
    expect: [{ rule: 'no-orphans', from: 'libs/issues/src/forgotten.ts', to: /^libs\/issues\/src\/forgotten\.ts$/ }],
  },
};

/** Paths into the symlinked node_modules resolve to the repository's; show them repository-relative. */
const normalise = (path: string) => path.replace(/^(?:\.\.\/)*.*?node_modules\//, 'node_modules/');

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

let dir: string;
let violations: Violation[];

beforeAll(() => {
  expect(existsSync(DEPCRUISE)).toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'kom-layers-'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeTree(dir, {
    'tsconfig.json': JSON.stringify(TSCONFIG, null, 2),
    'package.json': JSON.stringify({ name: 'layers-fixture', private: true, dependencies: { '@nestjs/common': '*', 'better-sqlite3': '*', zod: '*' } }),
    ...CLEAN,
    ...Object.fromEntries(Object.entries(BROKEN).map(([path, { source }]) => [path, source])),
  });
  const run = spawnSync(process.execPath, [DEPCRUISE, 'apps', 'libs', 'test', '--config', CONFIG, '--output-type', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (!run.stdout.trim().startsWith('{')) throw new Error(`depcruise failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  violations = result.summary.violations.map((v) => ({ ...v, to: normalise(v.to) }));
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const matchesExpected = (v: Violation, e: Expected) =>
  v.rule.name === e.rule && (typeof e.from === 'string' ? v.from === e.from : e.from.test(v.from)) && e.to.test(v.to);

const describeViolation = (v: Pick<Violation, 'from' | 'to'> & { rule: string }) => `${v.rule}: ${v.from} → ${v.to}`;

describe('.dependency-cruiser.js', () => {
  it('declares every layer rule, all as errors (no-orphans only warns)', () => {
    const severities = new Map(config.forbidden.map((r) => [r.name, r.severity]));
    expect(Object.fromEntries(severities)).toEqual(RULES);
    for (const rule of config.forbidden) {
      expect(`${rule.name}: ${rule.severity}`).toBe(`${rule.name}: ${RULES[rule.name]}`);
    }
  });

  it('finds nothing wrong with files that follow the rules', () => {
    const clean = new Set(Object.keys(CLEAN));
    expect(violations.filter((v) => clean.has(v.from)).map((v) => describeViolation({ ...v, rule: v.rule.name }))).toEqual([]);
  });

  const cases = Object.entries(BROKEN).flatMap(([, { expect: expected }]) => expected);
  const byRule = new Map<string, Expected[]>();
  for (const c of cases) byRule.set(c.rule, [...(byRule.get(c.rule) ?? []), c]);

  it.each(Object.keys(RULES))('%s bites', (rule) => {
    const expected = byRule.get(rule) ?? [];
    expect(expected.length).toBeGreaterThan(0); // every rule has a fixture that breaks it
    for (const e of expected) {
      const found = violations.filter((v) => matchesExpected(v, e));
      expect(found.map((v) => describeViolation({ ...v, rule }))).toHaveLength(1);
    }
  });

  it('reports exactly the expected violations, each at its rule severity', () => {
    const actual = violations.map((v) => describeViolation({ ...v, rule: v.rule.name })).sort();
    const unexpected = violations.filter(
      (v) => !cases.some((e) => matchesExpected(v, e)),
    );
    expect(unexpected.map((v) => describeViolation({ ...v, rule: v.rule.name }))).toEqual([]);
    expect(actual).toHaveLength(cases.length);
    for (const v of violations) {
      expect(`${v.rule.name}: ${v.rule.severity}`).toBe(`${v.rule.name}: ${RULES[v.rule.name]}`);
    }
  });
});
