import { Forbidden, InvalidInput, InvalidState, NotFound, SYSTEM_ACTOR } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { groupDecider } from './group.decider';
import type { GroupEvent } from './group.events';

const given = deciderSpec(groupDecider);
const udiAdmitted: GroupEvent = {
  type: 'OrganizationAdmittedToGroup',
  data: { groupKind: 'PROJECT_GROUP', organizationId: 'org-udi', organizationKind: 'AGENCY', effectiveFrom: '2006-01-01' },
};
const udiLeft: GroupEvent = {
  type: 'OrganizationLeftGroup',
  data: { groupKind: 'PROJECT_GROUP', organizationId: 'org-udi', effectiveFrom: '2012-01-01', reason: 'Reorganised' },
};
const admitUdi = { type: 'AdmitToGroup', groupKind: 'PROJECT_GROUP', organizationId: 'org-udi', organizationKind: 'AGENCY', effectiveFrom: '2006-01-01' } as const;
const leaveUdi = { type: 'LeaveGroup', groupKind: 'PROJECT_GROUP', organizationId: 'org-udi', effectiveFrom: '2012-01-01', reason: ' Reorganised ' } as const;
const agencyMember = { userId: 'u-imdi', organizationId: 'org-imdi', role: 'AGENCY_MEMBER' as const };

describe('group decider', () => {
  describe('admission', () => {
    it('admits an agency to the project group', () => given([]).when(admitUdi).then([udiAdmitted]));

    it('admits the police and the prosecuting authority to the project group', () => {
      given([]).when({ ...admitUdi, organizationId: 'org-politiet', organizationKind: 'POLICE' }).events();
      given([]).when({ ...admitUdi, organizationId: 'org-statsadvokatene', organizationKind: 'PROSECUTION' }).events();
    });

    it('admits an NGO to the reference group, also when the platform seeds it', () =>
      given([])
        .when({ ...admitUdi, groupKind: 'REFERENCE_GROUP', organizationId: 'org-rosa', organizationKind: 'NGO', effectiveFrom: '2009-01-01' }, { actor: SYSTEM_ACTOR })
        .then([
          {
            type: 'OrganizationAdmittedToGroup',
            data: { groupKind: 'REFERENCE_GROUP', organizationId: 'org-rosa', organizationKind: 'NGO', effectiveFrom: '2009-01-01' },
          },
        ]));

    it('keeps NGOs, ministries and the secretariat out of the project group', () => {
      for (const organizationKind of ['NGO', 'MINISTRY', 'SECRETARIAT', 'OTHER'] as const) {
        given([]).when({ ...admitUdi, organizationKind }).thenThrows(InvalidInput, 'ORGANIZATION_KIND_NOT_ADMISSIBLE');
      }
    });

    it('keeps ministries and the secretariat out of the reference group', () => {
      for (const organizationKind of ['MINISTRY', 'SECRETARIAT'] as const) {
        given([]).when({ ...admitUdi, groupKind: 'REFERENCE_GROUP', organizationKind }).thenThrows(InvalidInput, 'ORGANIZATION_KIND_NOT_ADMISSIBLE');
      }
    });

    it('refuses an organisation that is not registered', () =>
      given([]).when({ ...admitUdi, organizationKind: null }).thenThrows(NotFound, 'ORGANIZATION_NOT_FOUND'));

    it('refuses to admit a member twice', () => given([udiAdmitted]).when(admitUdi).thenThrows(InvalidState, 'ALREADY_A_MEMBER'));

    it('readmits a former member from the day it left or later, never earlier', () => {
      given([udiAdmitted, udiLeft]).when({ ...admitUdi, effectiveFrom: '2011-06-01' }).thenThrows(InvalidInput, 'EFFECTIVE_DATE_BEFORE_LEAVING');
      given([udiAdmitted, udiLeft])
        .when({ ...admitUdi, effectiveFrom: '2012-01-01' })
        .then([{ ...udiAdmitted, data: { ...udiAdmitted.data, effectiveFrom: '2012-01-01' } }]);
    });

    it('refuses a date that is not a calendar date', () => {
      given([]).when({ ...admitUdi, effectiveFrom: '2009-02-30' }).thenThrows(InvalidInput, 'INVALID_DATE');
      given([]).when({ ...admitUdi, effectiveFrom: '1.1.2009' }).thenThrows(InvalidInput, 'INVALID_DATE');
    });

    it('lets only the secretariat change the membership', () =>
      given([]).when(admitUdi, { actor: agencyMember }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
  });

  describe('leaving', () => {
    it('lets a member leave with a reason', () => given([udiAdmitted]).when(leaveUdi).then([udiLeft]));

    it('refuses to let a non-member leave', () => {
      given([]).when(leaveUdi).thenThrows(InvalidState, 'NOT_A_MEMBER');
      given([udiAdmitted, udiLeft]).when({ ...leaveUdi, effectiveFrom: '2013-01-01' }).thenThrows(InvalidState, 'NOT_A_MEMBER');
    });

    it('refuses a leaving date on or before the admission', () =>
      given([udiAdmitted]).when({ ...leaveUdi, effectiveFrom: '2006-01-01' }).thenThrows(InvalidInput, 'EFFECTIVE_DATE_BEFORE_ADMISSION'));

    it('needs a reason', () => {
      given([udiAdmitted]).when({ ...leaveUdi, reason: '  ' }).thenThrows(InvalidInput, 'REASON_REQUIRED');
      given([udiAdmitted]).when({ ...leaveUdi, reason: 'x'.repeat(501) }).thenThrows(InvalidInput, 'REASON_TOO_LONG');
    });

    it('refuses a bad leaving date', () =>
      given([udiAdmitted]).when({ ...leaveUdi, effectiveFrom: '2012-13-01' }).thenThrows(InvalidInput, 'INVALID_DATE'));

    it('lets only the secretariat change the membership', () =>
      given([udiAdmitted]).when(leaveUdi, { actor: agencyMember }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
  });
});
