import { en } from '../../apps/web/src/i18n/en';
import { nb } from '../../apps/web/src/i18n/nb';
import { refusalReasons, unreadRefusals, writtenInSource } from './refusal-reasons';

/*
 * The web app shows a refusal in words: `t.maybe(`refusal.${reason}`) ?? t('refusal.generic')`,
 * and the generic text ("check what you wrote and try again") tells a person nothing. So every
 * reason a domain refusal can carry (read from the source: refusal-reasons.ts) has a text in both
 * catalogues, unless a web user cannot meet it. Those are listed below, each group with why.
 */

const API_ONLY: Readonly<Record<string, readonly string[]>> = {
  // Status reports are drafted, approved and published over GraphQL and the CLI; the web app has
  // no page for them, and the public reports are files fetched by their own links.
  'status reports': [
    'AGENCY_OR_SECRETARIAT_ONLY',
    'APPROVING_DECISION_NOT_FOUND',
    'APPROVING_DECISION_REVOKED',
    'CHAPTER_TEXT_REQUIRED',
    'CHAPTER_TOO_LONG',
    'CORRECTION_NOTE_REQUIRED',
    'CORRECTION_NOTE_TOO_LONG',
    'DECISION_NOT_BY_PROJECT_GROUP',
    'INVALID_FIGURE',
    'PUBLISHED_STATUS_REPORT_NOT_FOUND',
    'REPORT_ALREADY_PUBLISHED',
    'REPORT_EXISTS',
    'REPORT_HAS_NO_CHAPTERS',
    'REPORT_NOT_APPROVED',
    'REPORT_NOT_DRAFT',
    'STATUS_REPORT_NOT_FOUND',
    'UNKNOWN_FIGURE_CATEGORY',
  ],
  // The action plans and their measures are registered over GraphQL; the web app reads them only.
  'action plans': [
    'ACTION_PLAN_NOT_FOUND',
    'CONTINUATION_NOT_LATER',
    'CONTINUATION_ONLY_WHEN_CONTINUED',
    'CONTINUATION_REQUIRED',
    'INVALID_PERIOD',
    'INVALID_PLAN_ID',
    'MEASURE_ALREADY_RECORDED',
    'MEASURE_NOT_FOUND',
    'MEASURE_NUMBER_OUT_OF_RANGE',
    'MINISTRY_REQUIRED',
    'PLAN_ALREADY_REGISTERED',
    'UNKNOWN_AREA',
    'UNKNOWN_MINISTRY',
    'UNKNOWN_STATUS',
    'YEAR_OUTSIDE_PLAN_PERIOD',
  ],
  // The register of police districts and their mergers: GraphQL only.
  'police districts': [
    'ALREADY_A_POLICE_DISTRICT',
    'DISTRICT_ALREADY_MERGED',
    'DUPLICATE_DISTRICT',
    'MERGED_DISTRICTS_REQUIRED',
    'MERGE_BEFORE_DISTRICT',
    'MERGE_INTO_ITSELF',
    'NOT_A_POLICE_DISTRICT',
    'NOT_A_POLICE_ORGANIZATION',
    'POLICE_DISTRICT_NOT_FOUND',
    'TOO_MANY_DISTRICTS',
  ],
  // An organisation's roles are granted and ended over GraphQL; the web app registers and renames
  // an organisation from today (it sends no `from`), so no date of its can be refused.
  'organisation roles and dated registrations': [
    'DATE_IN_FUTURE',
    'RENAME_BEFORE_CURRENT_NAME',
    'ROLE_ALREADY_HELD',
    'ROLE_BEFORE_REGISTRATION',
    'ROLE_END_NOT_AFTER_START',
    'ROLE_NOT_HELD',
  ],
  // Restricting and erasing a person's data (GraphQL and the CLI); the data keys are the server's.
  privacy: ['INVALID_DATA_KEY', 'LEGAL_BASIS_REQUIRED', 'LEGAL_BASIS_TOO_LONG', 'PERSON_ALREADY_RESTRICTED', 'PERSON_NOT_FOUND'],
  // Comments, research needs and the issue statistics: GraphQL steps the web app does not offer.
  'issue steps without a page': [
    'COMMENT_REQUIRED',
    'COMMENT_TOO_LONG',
    'INVALID_YEAR',
    'NOT_A_MEMBER_ORGANIZATION',
    'READ_ONLY_ROLE',
    'RESEARCH_NEED_REQUIRED',
    'RESEARCH_NEED_TOO_LONG',
    'SUBMITTER_OR_SECRETARIAT_ONLY',
  ],
  // Checkpoints (operators), proofs, and the evidence bundle's parameters. The web app checks the
  // days of a link (isCalendarDay) before it asks for the trail or a decision's history, and a
  // read that fails shows the page's error, not a refusal.
  'audit API': [
    'AUDIT_KEY_RETIRED',
    'AUDIT_LOG_EMPTY',
    'AUDIT_PROOF_NOT_FOUND',
    'INVALID_AS_OF',
    'INVALID_BUNDLE_REQUEST',
    'INVALID_STREAM_ID',
    'INVALID_TIME',
    'INVALID_TIME_RANGE',
    'INVALID_TREE_SIZES',
    'STREAM_NOT_FOUND',
  ],
  // Values the web app makes itself, never typed: ids and instants, a choice from a fixed list, one
  // entry per checkbox, the grace period of a new webhook secret (24 hours), and the actor (a
  // signed-in person, never the platform itself).
  'values the web app builds': [
    'ATTENDEE_LISTED_TWICE',
    'DUPLICATE_CLAUSE_SECTION',
    'DUPLICATE_TAG',
    'FEED_SCOPE_REQUIRED',
    'GRACE_OUT_OF_RANGE',
    'INVALID_ID',
    'INVALID_INSTANT',
    'INVALID_SERIES',
    'PERSON_ONLY',
    'POSITION_LISTED_TWICE',
    'UNKNOWN_CATEGORY',
    'UNKNOWN_CLAUSE_SECTION',
    'UNKNOWN_MEETING_KIND',
    'UNKNOWN_POSITION',
    'UNKNOWN_TAG',
  ],
  // The platform's plumbing: paging cursors and sizes, idempotency keys (the web app makes them),
  // the label lists it asks for by name, and the delivery engine's own commands.
  platform: ['INVALID_CURSOR', 'INVALID_EVENT_DATA', 'INVALID_IDEMPOTENCY_KEY', 'NOTIFICATION_NOT_RECORDED', 'PAGE_SIZE_OUT_OF_RANGE', 'UNKNOWN_ENUM'],
};

/**
 * Reasons a web user meets that are no domain refusal: the service's own state. A store that does
 * not answer (SERVICE_UNAVAILABLE) and a write recorded but not yet shown (RECORDED_NOT_VISIBLE,
 * which must not be sent again) would otherwise read "check what you wrote".
 */
const SERVICE_REASONS = ['STORE_UNAVAILABLE', 'READ_MODELS_BEHIND'];

/** Catalogue keys under refusal.* that are no reason. */
const NOT_REASONS = ['generic', 'network'];

const reasons = [...new Set(refusalReasons().map((r) => r.value))].sort();
const apiOnly = Object.values(API_ONLY).flat();
const textOf = (catalogue: Readonly<Record<string, string>>, reason: string) => catalogue[`refusal.${reason}`];

describe('the words for refusals', () => {
  it('reads the reasons however a decider writes them', () => {
    expect(reasons.length).toBeGreaterThan(250);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'ORGANIZATION_NAME_TAKEN', // new InvalidInput('…', …) over several lines
        'ISSUE_NOT_ON_AGENDA', // a ternary of two reasons
        'ISSUE_RESOLVED', // a local read from a map (FINAL[s.status])
        'TEXT_NOT_ALLOWED', // an exported constant, and refuse(ctx, TEXT_NOT_ALLOWED, …)
        'COMMENT_TOO_LONG', // requiredText(…, 'COMMENT_REQUIRED', 'COMMENT_TOO_LONG')
        'VIDEO_LINK_TOO_LONG', // optionalText(…, 'VIDEO_LINK_TOO_LONG')
        'INVALID_AS_OF', // requireIsoInstant(…, 'INVALID_AS_OF')
        'INVALID_ID', // refuse(ctx, 'INVALID_ID', …) in a zod transform
        'TOO_MANY_ISSUES', // .refine(…, 'TOO_MANY_ISSUES')
        'UNKNOWN_CATEGORY', // z.enum(…, { error: 'UNKNOWN_CATEGORY' })
        'CONCURRENT_MODIFICATION', // super('…') in ConcurrencyConflict
        'PERSONAL_DATA_REFUSED', // super('…') in PersonalDataRefused
        'WEBHOOK_ENDPOINT_NOT_FOUND', // new NotFound('webhook endpoint', …)
        'WEBHOOK_URL_TOO_LONG',
        'DOCUMENT_REQUIRED', // the document check (POST /documents/verify)
      ]),
    );
  });

  it('reads every refusal but those passing on a reason read elsewhere', () => {
    // A refusal whose reason this cannot read would go unchecked: teach refusal-reasons.ts its form.
    expect(unreadRefusals().map((r) => `${r.at.replace(/:\d+$/, '')} ${r.value}`)).toEqual([
      'libs/kernel/src/command-input.ts issue.message', // parseInput: the zod check's message, read above
      'libs/kernel/src/iso-instant.ts reason', // requireIsoInstant's reason argument, read at its callers
      'libs/meetings/src/domain/agenda-proposal.decider.ts issue.message', // its parse: the zod check's message
      'libs/meetings/src/domain/record-decision-step.ts error.reason', // the same refusal moved to the field
    ]);
  });

  it('has a text in Norwegian and English for every reason a web user can meet', () => {
    const missing = [...reasons.filter((r) => !apiOnly.includes(r)), ...SERVICE_REASONS].flatMap((reason) => [
      ...(textOf(nb, reason) ? [] : [`nb ${reason}`]),
      ...(textOf(en, reason) ? [] : [`en ${reason}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('lists as API-only only reasons the source still has, none of them with a text', () => {
    expect(apiOnly.filter((r) => !reasons.includes(r))).toEqual([]);
    expect(apiOnly.filter((r, i) => apiOnly.indexOf(r) !== i)).toEqual([]);
    expect(apiOnly.filter((r) => textOf(nb, r) !== undefined)).toEqual([]);
  });

  it('holds no text for a reason the API no longer sends', () => {
    const keys = Object.keys(nb)
      .filter((key) => key.startsWith('refusal.'))
      .map((key) => key.slice('refusal.'.length))
      .filter((reason) => !NOT_REASONS.includes(reason));
    expect(keys.filter((reason) => !reasons.includes(reason) && !(SERVICE_REASONS.includes(reason) && writtenInSource(reason)))).toEqual([]);
  });

  it('never tells a person to try again later for a refusal of what they sent', () => {
    // "Prøv igjen om litt" / "try again in a moment" is for the service's own state only.
    const later = /prøv igjen (om litt|senere)|try again (in a moment|later)/i;
    const wrong = reasons
      .filter((r) => textOf(nb, r) !== undefined && !SERVICE_REASONS.includes(r) && r !== 'IDEMPOTENT_REQUEST_IN_PROGRESS')
      .filter((r) => later.test(textOf(nb, r)!) || later.test(textOf(en, r)!));
    expect(wrong).toEqual([]);
  });
});
