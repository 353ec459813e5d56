import type { AreaRoute } from '../area-route';
import type { Role } from '../auth/session';

const ROLES: readonly Role[] = ['SECRETARIAT'];

/** The secretariat's console; each page is loaded when first visited. */
export const SECRETARIAT_ROUTES: ReadonlyArray<AreaRoute> = [
  { path: '/secretariat/calendar', page: () => import('./calendar.page').then((m) => ({ default: m.CalendarPage })), roles: ROLES },
  { path: '/secretariat/meetings/:meetingId', page: () => import('./meeting/meeting.page').then((m) => ({ default: m.MeetingPage })), roles: ROLES },
  { path: '/secretariat/meetings/:meetingId/agenda', page: () => import('./agenda/agenda.page').then((m) => ({ default: m.AgendaPage })), roles: ROLES },
  { path: '/secretariat/issues', page: () => import('./triage/triage.page').then((m) => ({ default: m.TriagePage })), roles: ROLES },
  { path: '/secretariat/issues/:id', page: () => import('./triage/triage-issue.page').then((m) => ({ default: m.TriageIssuePage })), roles: ROLES },
  { path: '/secretariat/registers', page: () => import('./registers/registers.page').then((m) => ({ default: m.RegistersPage })), roles: ROLES },
  { path: '/secretariat/registers/organizations', page: () => import('./registers/organizations.page').then((m) => ({ default: m.OrganizationsPage })), roles: ROLES },
  { path: '/secretariat/registers/groups', page: () => import('./registers/groups.page').then((m) => ({ default: m.GroupsPage })), roles: ROLES },
  { path: '/secretariat/registers/representatives', page: () => import('./registers/representatives.page').then((m) => ({ default: m.RepresentativesPage })), roles: ROLES },
  { path: '/secretariat/registers/measures', page: () => import('./registers/measures.page').then((m) => ({ default: m.MeasuresPage })), roles: ROLES },
];
