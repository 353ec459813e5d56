import { Lang } from '@kom/platform';
import { DEFAULT_DAYS_AHEAD } from '../domain/topics';
import type { PersonPreferences } from '../read-models/notifications.queries';
import type { NotificationPreferences } from './notifications.types';

/** A person's preferences as GraphQL shows them; the defaults while none are saved. */
export const toPreferences = (p: PersonPreferences | undefined): NotificationPreferences =>
  p
    ? { topics: [...p.topics], language: p.language === 'en' ? Lang.EN : Lang.NB, cadence: p.cadence, dueSoonDays: p.dueSoonDays, expiringDays: p.expiringDays, representativeId: p.representativeId, saved: true }
    : { topics: [], language: Lang.NB, cadence: 'IMMEDIATE', dueSoonDays: DEFAULT_DAYS_AHEAD, expiringDays: DEFAULT_DAYS_AHEAD, representativeId: null, saved: false };
