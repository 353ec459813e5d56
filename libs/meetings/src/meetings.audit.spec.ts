import { meetingAuditSummaries } from './meetings.audit';

const actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' };

describe('meeting lines in the audit trail', () => {
  it('give a meeting time as Oslo shows it, in winter and in summer, not as a UTC instant', () => {
    const scheduled = (startsAt: string, extra: Record<string, unknown> = {}) =>
      meetingAuditSummaries.MeetingScheduled!({
        type: 'MeetingScheduled',
        streamId: 'meeting-m1',
        data: { meetingId: 'm1', kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte', startsAt, endsAt: startsAt, ...extra },
        actor,
      });
    expect(scheduled('2026-01-12T08:00:00.000Z')).toEqual({
      nb: 'Prosjektgruppemøte «Prosjektgruppemøte» ble berammet til 12. januar 2026 kl. 09:00 (Europe/Oslo)',
      en: 'The project-group meeting “Prosjektgruppemøte” was scheduled for 12 January 2026 at 09:00 (Europe/Oslo)',
    });
    expect(scheduled('2026-06-10T07:00:00.000Z').nb).toContain('10. juni 2026 kl. 09:00');
    // A meeting that names another zone is told in it; a value that is no instant is shown as it is.
    expect(scheduled('2026-06-10T07:00:00.000Z', { timeZone: 'Europe/London' }).en).toContain('10 June 2026 at 08:00 (Europe/London)');
    expect(scheduled('soon').nb).toContain('ble berammet til soon');
  });

  it('tell a move in Oslo time too', () => {
    const moved = meetingAuditSummaries.MeetingRescheduled!({
      type: 'MeetingRescheduled',
      streamId: 'meeting-m1',
      data: { meetingId: 'm1', startsAt: '2026-03-29T07:30:00.000Z' },
      actor,
    });
    // 29 March 2026 is after the spring change: 09:30 in Oslo.
    expect(moved.nb).toBe('Møte m1 ble flyttet til 29. mars 2026 kl. 09:30 (Europe/Oslo)');
  });
});
