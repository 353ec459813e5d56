import { memberOn, proposableMeetings, type ComingMeeting, type Membership } from './proposable';

const NOW = new Date('2027-03-01T08:00:00.000Z');
const meeting = (id: string, kind: ComingMeeting['kind'], startsAt: string, status = 'SCHEDULED'): ComingMeeting => ({ id, kind, startsAt, status });
const reference: Membership[] = [{ groupKind: 'REFERENCE_GROUP', from: '2020-01-01', to: null }];
const project: Membership[] = [{ groupKind: 'PROJECT_GROUP', from: '2020-01-01', to: null }];

describe('the meetings a member may propose items for', () => {
  it('are its own bodies’ coming meetings: an NGO the reference group and joint meetings, an agency the project group and joint ones', () => {
    const meetings = [
      meeting('joint', 'JOINT', '2027-06-10T08:00:00.000Z'),
      meeting('pg', 'PROJECT_GROUP', '2027-03-12T08:00:00.000Z'),
      meeting('rg', 'REFERENCE_GROUP', '2027-03-05T08:00:00.000Z'),
    ];
    expect(proposableMeetings(meetings, reference, NOW).map((m) => m.id)).toEqual(['rg', 'joint']);
    expect(proposableMeetings(meetings, project, NOW).map((m) => m.id)).toEqual(['pg', 'joint']);
    expect(proposableMeetings(meetings, [], NOW)).toEqual([]);
  });

  it('leave out meetings that have started, are held or are cancelled', () => {
    const meetings = [
      meeting('started', 'PROJECT_GROUP', '2027-03-01T07:59:00.000Z'),
      meeting('held', 'PROJECT_GROUP', '2027-03-20T08:00:00.000Z', 'HELD'),
      meeting('cancelled', 'PROJECT_GROUP', '2027-03-21T08:00:00.000Z', 'CANCELLED'),
      meeting('published', 'PROJECT_GROUP', '2027-03-22T08:00:00.000Z', 'PUBLISHED'),
    ];
    expect(proposableMeetings(meetings, project, NOW).map((m) => m.id)).toEqual(['published']);
  });

  it('count membership on the meeting’s day in Oslo, the last day before leaving included', () => {
    const left: Membership[] = [{ groupKind: 'REFERENCE_GROUP', from: '2020-01-01', to: '2027-04-01' }];
    // 22:30 UTC on 31 March is already 1 April in Oslo (summer time); 21:30 UTC is not.
    expect(memberOn(meeting('late', 'REFERENCE_GROUP', '2027-03-31T21:30:00.000Z'), left)).toBe(true);
    expect(memberOn(meeting('late', 'REFERENCE_GROUP', '2027-03-31T22:30:00.000Z'), left)).toBe(false);
    const joining: Membership[] = [{ groupKind: 'PROJECT_GROUP', from: '2027-05-01', to: null }];
    expect(memberOn(meeting('before', 'JOINT', '2027-04-30T08:00:00.000Z'), joining)).toBe(false);
    expect(memberOn(meeting('on', 'JOINT', '2027-05-01T08:00:00.000Z'), joining)).toBe(true);
  });
});
