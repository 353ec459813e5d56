import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@kom/event-store';
import { MEASURES } from '@kom/measures';
import { TestApp } from '../support/test-app';

/**
 * A log written before action plans were data: the 35 measures as MeasureRecorded v1 in streams
 * measure-<n> (as the seed wrote them then), no plan streams, and an issue citing measures by bare
 * numbers (IssueSubmitted v1, as written before citations named their plan). On that log the
 * application seeds the plans beside the old streams, shows each measure once as a measure of
 * 2011–2014, and the issue's citations keep their meaning.
 */
/** The issue as v1 wrote it: bare numbers, all of the 2011–2014 plan. */
const asV1 = (e: RecordedEvent) => {
  const data = e.data as { citedMeasures: { plan: string; number: number }[] };
  expect(data.citedMeasures.every((m) => m.plan === '2011-2014')).toBe(true);
  return { data: { ...data, citedMeasures: data.citedMeasures.map((m) => m.number) }, metadata: { ...(e.metadata as Record<string, unknown>), schemaVersion: 1 } };
};

describe('a log written before action plans were data', () => {
  let old: TestApp;
  let issueId: string;
  const scratch: string[] = [];

  beforeAll(async () => {
    const today = await TestApp.start();
    const rosa = await today.token('NGO_REPRESENTATIVE', 'org-rosa', 'nina');
    const submitted = await today.gql(
      `mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }`,
      { input: { organizationId: 'org-rosa', title: 'Bistand', description: 'Uten personopplysninger.', category: 'CHILDREN', citedMeasures: [5, 34] } },
      { token: rosa },
    );
    expect(submitted.errors).toBeUndefined();
    issueId = submitted.data!.submitIssue.id;
    const dataDir = today.config.dataDir;
    await today.stop({ keepData: true });
    scratch.push(dataDir);

    const source = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    let events: RecordedEvent[];
    try {
      events = await source.readAll();
    } finally {
      await source.close();
    }
    const before = mkdtempSync(join(tmpdir(), 'kom-old-plans-'));
    scratch.push(before);
    const store = SqliteEventStore.open(join(before, 'events.sqlite'));
    try {
      const template = events.find((e) => e.type === 'PlanMeasureRecorded')!.metadata as Record<string, unknown>;
      for (const m of MEASURES) {
        const data = { number: m.number, titleNb: m.titleNb, titleEn: m.titleEn, area: m.area, ministries: [...m.ministries] };
        const metadata = { ...template, correlationId: 'seed:measures', causationId: `seed:measure:${m.number}`, command: 'RecordMeasure', schemaVersion: 1 };
        await store.appendToStream(`measure-${m.number}`, [{ id: randomUUID(), type: 'MeasureRecorded', data, metadata }]);
      }
      for (const e of events) {
        if (e.streamId.startsWith('audit') || e.streamId.startsWith('action-plan-')) continue;
        const { data, metadata } = e.type === 'IssueSubmitted' ? asV1(e) : e;
        await store.appendToStream(e.streamId, [{ id: e.id, type: e.type, data, metadata }]);
      }
    } finally {
      await store.close();
    }
    old = await TestApp.start({ dataDir: before });
  }, 120_000);

  afterAll(async () => {
    await old?.stop({ keepData: true });
    for (const d of scratch) rmSync(d, { recursive: true, force: true });
  });

  const read = async (query: string, variables: Record<string, unknown> = {}) => {
    const token = await old.token('SECRETARIAT', 'org-pod', 'sara');
    const response = await old.gql(query, variables, { token });
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  it('shows the 35 measures once each, as the 2011–2014 plan’s, and the plans seeded beside them', async () => {
    const { measures, actionPlans } = await read('{ measures { planId number } actionPlans { id measures { number } } }');
    expect(measures).toHaveLength(35);
    expect(new Set(measures.map((m: { planId: string }) => m.planId))).toEqual(new Set(['2011-2014']));
    expect(actionPlans.map((p: { id: string; measures: unknown[] }) => [p.id, p.measures.length])).toEqual([
      ['2006-2009', 1],
      ['2011-2014', 35],
    ]);
  });

  it('keeps what an old citation meant: the issue cites measures 5 and 34 of 2011–2014', async () => {
    const { issue } = await read('query($id: ID!) { issue(id: $id) { citedMeasures citedMeasureRefs { plan number measure { number } } } }', { id: issueId });
    expect(issue).toEqual({
      citedMeasures: [5, 34],
      citedMeasureRefs: [
        { plan: '2011-2014', number: 5, measure: { number: 5 } },
        { plan: '2011-2014', number: 34, measure: { number: 34 } },
      ],
    });
    const { measure } = await read('{ measure(number: 5) { citations { kind id } } }');
    expect(measure.citations).toEqual([{ kind: 'ISSUE', id: issueId }]);
  });
});
