/**
 * What a person (or an organisation's webhook endpoint) can hear about. Person-scoped topics
 * follow the person's organisation (its bodies, its issues, its action items, its agreements);
 * DECISION_ON_MY_ISSUE follows the person who submitted the issue.
 */
export const TOPICS = [
  'AGENDA_PUBLISHED',
  'AGENDA_AMENDED',
  'ISSUE_STATUS_CHANGED',
  'DECISION_ON_MY_ISSUE',
  'ACTION_ITEM_ASSIGNED',
  'ACTION_ITEM_DUE_SOON',
  'ACTION_ITEM_OVERDUE',
  'AGREEMENT_AWAITING_SIGNATURE',
  'AGREEMENT_EXPIRING',
  'AGREEMENT_SIGNED_BY_ALL',
  'WEBHOOK_DISABLED',
] as const;
export type Topic = (typeof TOPICS)[number];

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Immediately, or one e-mail per person and Oslo calendar day. */
export const CADENCES = ['IMMEDIATE', 'DAILY_DIGEST'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Days ahead for "due soon" and "expiring": a week, unless the person chooses otherwise. */
export const DEFAULT_DAYS_AHEAD = 7;
export const MAX_DAYS_AHEAD = 90;

export const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);
