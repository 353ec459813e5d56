import type { ComponentType } from 'react';

type PageModule = () => Promise<{ default: ComponentType }>;

/** The secretariat's console; each page is loaded when first visited. */
export const SECRETARIAT_ROUTES: ReadonlyArray<{ path: string; page: PageModule }> = [
  { path: '/secretariat/calendar', page: () => import('./calendar.page').then((m) => ({ default: m.CalendarPage })) },
  { path: '/secretariat/meetings/:meetingId', page: () => import('./meeting/meeting.page').then((m) => ({ default: m.MeetingPage })) },
  { path: '/secretariat/meetings/:meetingId/agenda', page: () => import('./agenda/agenda.page').then((m) => ({ default: m.AgendaPage })) },
];
