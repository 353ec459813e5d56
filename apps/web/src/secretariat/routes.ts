import type { ComponentType } from 'react';

type PageModule = () => Promise<{ default: ComponentType }>;

/** The secretariat's console; each page is loaded when first visited. */
export const SECRETARIAT_ROUTES: ReadonlyArray<{ path: string; page: PageModule }> = [
  { path: '/secretariat/calendar', page: () => import('./calendar.page').then((m) => ({ default: m.CalendarPage })) },
  { path: '/secretariat/meetings/:meetingId', page: () => import('./meeting/meeting.page').then((m) => ({ default: m.MeetingPage })) },
  { path: '/secretariat/meetings/:meetingId/agenda', page: () => import('./agenda/agenda.page').then((m) => ({ default: m.AgendaPage })) },
  { path: '/secretariat/issues', page: () => import('./triage/triage.page').then((m) => ({ default: m.TriagePage })) },
  { path: '/secretariat/issues/:id', page: () => import('./triage/triage-issue.page').then((m) => ({ default: m.TriageIssuePage })) },
  { path: '/secretariat/registers', page: () => import('./registers/registers.page').then((m) => ({ default: m.RegistersPage })) },
  { path: '/secretariat/registers/organizations', page: () => import('./registers/organizations.page').then((m) => ({ default: m.OrganizationsPage })) },
  { path: '/secretariat/registers/groups', page: () => import('./registers/groups.page').then((m) => ({ default: m.GroupsPage })) },
  { path: '/secretariat/registers/representatives', page: () => import('./registers/representatives.page').then((m) => ({ default: m.RepresentativesPage })) },
  { path: '/secretariat/registers/measures', page: () => import('./registers/measures.page').then((m) => ({ default: m.MeasuresPage })) },
];
