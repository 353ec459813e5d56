import { agreementsContext } from '@kom/agreements';
import { issuesContext } from '@kom/issues';
import { measuresContext } from '@kom/measures';
import { meetingsContext } from '@kom/meetings';
import { organizationsContext } from '@kom/organizations';
import { auditContext } from '../audit.context';
import { AuditSummaryRegistry, genericSummary } from './audit-summaries';

const contexts = [organizationsContext, meetingsContext, measuresContext, agreementsContext, issuesContext, auditContext];
const actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' };

describe('audit summaries', () => {
  it('every context gives every one of its event types a readable summary of its own, in NB and EN', () => {
    const missing = contexts.flatMap((c) => c.eventSchemas.map((s) => s.type).filter((type) => !c.auditSummaries?.[type]).map((t) => `${c.name}: ${t}`));
    expect(missing).toEqual([]);
  });

  it('summarises a meeting decision and a representative without any personal data', () => {
    const registry = new AuditSummaryRegistry(contexts);
    const decision = registry.summarise({
      type: 'DecisionRecorded',
      streamId: 'meeting-m1',
      data: { meetingId: 'm1', decisionId: 'd1', agendaItemId: 'a1', text: 'KOM anbefaler tiltak 34.', supersedes: null },
      actor,
    });
    expect(decision).toEqual({ nb: 'Vedtak d1 i møte m1: «KOM anbefaler tiltak 34.»', en: 'Decision d1 at meeting m1: “KOM anbefaler tiltak 34.”' });
    const added = registry.summarise({
      type: 'RepresentativeAdded',
      streamId: 'representative-r1',
      data: { representativeId: 'r1', organizationId: 'org-rosa', details: 'v1.aaa.bbb.ccc' },
      actor,
    });
    expect(added.en).toBe('Representative r1 was added for org-rosa (name and e-mail encrypted)');
    expect(JSON.stringify(added)).not.toContain('v1.');
  });

  it('falls back to the generic summary for an unknown type', () => {
    const event = { type: 'SomethingElse', streamId: 'x-1', data: {}, actor };
    expect(new AuditSummaryRegistry(contexts).summarise(event)).toEqual(genericSummary(event));
  });
});
