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

  it('writes dates and enum values as people read them, in the language of the line', () => {
    const registry = new AuditSummaryRegistry(contexts);
    const lines = (type: string, streamId: string, data: Record<string, unknown>, who = actor) => registry.summarise({ type, streamId, data, actor: who });
    const cases = [
      lines('ActionItemAssigned', 'meeting-m1', { meetingId: 'm1', decisionId: 'd1', actionItemId: 'x1', description: 'Skrive rutine', responsibleOrganizationId: 'org-udi', dueDate: '2027-03-01' }),
      lines('AgreementRenewed', 'agreement-a1', { agreementId: 'a1', expiresOn: '2028-12-31', version: 2 }),
      lines('AgreementTerminated', 'agreement-a1', { agreementId: 'a1', organizationId: 'org-politiet', effectiveOn: '2027-06-30', reason: 'Ny avtale' }),
      lines('MeasureStatusRecorded', 'measure-34', { planId: '2011-2014', number: 34, year: 2026, status: 'CONTINUED' }),
      lines('SensitiveReadRecorded', 'access-log', { read: 'EVIDENCE_BUNDLE', ids: [], range: { from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T23:00:00.000Z' }, format: 'jsonl', via: 'HTTP' }, { userId: 'aud', organizationId: 'org-riksrevisjonen', role: 'AUDITOR' }),
      lines('AuditKeyRotated', 'audit-keys', { previousKeyId: 'a'.repeat(64), nextKeyId: 'b'.repeat(64), rotatedAt: '2026-12-05T10:30:00.000Z' }),
    ];
    for (const line of cases) {
      expect(`${line.nb} ${line.en}`).not.toMatch(/\d{4}-\d{2}-\d{2}|CONTINUED|AUDITOR/);
    }
    expect(cases[0]).toMatchObject({ nb: expect.stringContaining('innen 1. mars 2027'), en: expect.stringContaining('due 1 March 2027') });
    expect(cases[1]).toMatchObject({ nb: expect.stringContaining('fornyet til 31. desember 2028'), en: expect.stringContaining('renewed until 31 December 2028') });
    expect(cases[2]!.en).toContain('from 30 June 2027');
    expect(cases[3]).toMatchObject({ nb: expect.stringContaining('i 2026: videreført i en senere plan'), en: expect.stringContaining('in 2026: continued in a later plan') });
    // Instants in Oslo time: midnight UTC on 1 January is 01:00 there.
    expect(cases[4]!.nb).toMatch(/^Revisor aud .* 1\. januar 2026 kl\. 01:00–1\. januar 2027 kl\. 00:00/);
    // 10:30 UTC is 11:30 in Oslo in December.
    expect(cases[5]!.en).toContain('5 December 2026 at 11:30');
  });

  it('falls back to the generic summary for an unknown type', () => {
    const event = { type: 'SomethingElse', streamId: 'x-1', data: {}, actor };
    expect(new AuditSummaryRegistry(contexts).summarise(event)).toEqual(genericSummary(event));
  });
});
