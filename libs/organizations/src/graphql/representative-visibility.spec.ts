import { canSeeRepresentatives } from './representative-visibility';
import { asOfDate } from './as-of-date';

describe('who may see representatives', () => {
  const as = (role: 'SECRETARIAT' | 'AGENCY_MEMBER' | 'NGO_REPRESENTATIVE' | 'AUDITOR', organizationId: string) => ({ userId: 'u', organizationId, role });

  it('the secretariat, agency members and the organisation itself', () => {
    expect(canSeeRepresentatives(as('SECRETARIAT', 'org-pod'), 'org-rosa')).toBe(true);
    expect(canSeeRepresentatives(as('AGENCY_MEMBER', 'org-udi'), 'org-rosa')).toBe(true);
    expect(canSeeRepresentatives(as('NGO_REPRESENTATIVE', 'org-rosa'), 'org-rosa')).toBe(true);
  });

  it('never another NGO, nor an auditor of another organisation', () => {
    expect(canSeeRepresentatives(as('NGO_REPRESENTATIVE', 'org-pion'), 'org-rosa')).toBe(false);
    expect(canSeeRepresentatives(as('AUDITOR', 'org-riksrevisjonen'), 'org-rosa')).toBe(false);
  });
});

describe('asOf as a Norwegian calendar day', () => {
  const now = new Date('2026-06-30T22:30:00Z'); // already 1 July in Oslo (summer time)

  it('takes a date as it is, an instant as its day in Norway, nothing as today', () => {
    expect(asOfDate('2009-01-01', now)).toBe('2009-01-01');
    expect(asOfDate('2024-12-31T23:30:00Z', now)).toBe('2025-01-01');
    expect(asOfDate(undefined, now)).toBe('2026-07-01');
    expect(asOfDate(null, now)).toBe('2026-07-01');
  });

  it('refuses anything else', () => {
    expect(() => asOfDate('2009-02-30', now)).toThrow(expect.objectContaining({ reason: 'INVALID_DATE' }));
    expect(() => asOfDate('tomorrow', now)).toThrow(expect.objectContaining({ reason: 'INVALID_DATE' }));
  });
});
