import { osloDate } from './calendar-date';
import { isFullySigned, type Agreement, type AgreementVersion } from './agreement.state';

/**
 * An agreement's status is a function of its facts and of time, never stored:
 *  - TERMINATED          a party gave notice and its effective date has come;
 *  - IN_FORCE            a fully signed version whose effective date has come and whose expiry has not;
 *  - EXPIRED             the newest fully signed, effective version has reached its expiry date
 *                        (and no newer fully signed version is waiting for its effective date);
 *  - PENDING             a version is fully signed but its effective date has not come;
 *  - AWAITING_SIGNATURES the newest version is proposed for signature, nothing is in force or pending;
 *  - DRAFT               otherwise.
 * Dates are calendar days in Norway: the status changes at midnight in Oslo, without any event.
 * They compare as text (YYYY-MM-DD), which holds only for four-digit years: every instant the API
 * takes has its Oslo day in 0100–9999 (parseIsoInstant in @kom/kernel), or "10000-01-01" would come
 * before "2019-06-01".
 */
export const AGREEMENT_STATUSES = ['DRAFT', 'AWAITING_SIGNATURES', 'PENDING', 'IN_FORCE', 'EXPIRED', 'TERMINATED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** True when the termination has taken effect on the day `now` falls on (in Oslo). */
export function isTerminatedAt(agreement: Agreement, now: Date): boolean {
  return agreement.termination !== null && osloDate(now) >= agreement.termination.effectiveOn;
}

/** The newest fully signed version whose effective date has come, expired or not. */
function newestEffectiveSigned(agreement: Agreement, today: string): AgreementVersion | undefined {
  return [...agreement.versions].reverse().find((v) => isFullySigned(v) && v.effectiveFrom <= today);
}

/**
 * The version in force at an instant: a signed version stays in force until a newer version is
 * fully signed and effective, or until it expires, or the agreement is terminated.
 */
export function versionInForceAt(agreement: Agreement, now: Date): AgreementVersion | undefined {
  if (isTerminatedAt(agreement, now)) return undefined;
  const today = osloDate(now);
  const version = newestEffectiveSigned(agreement, today);
  if (!version) return undefined;
  return version.expiresOn !== null && today >= version.expiresOn ? undefined : version;
}

export function statusAt(agreement: Agreement, now: Date): AgreementStatus {
  if (isTerminatedAt(agreement, now)) return 'TERMINATED';
  const today = osloDate(now);
  if (versionInForceAt(agreement, now)) return 'IN_FORCE';
  const effective = newestEffectiveSigned(agreement, today);
  const waiting = agreement.versions.some((v) => isFullySigned(v) && v.effectiveFrom > today && (!effective || v.number > effective.number));
  if (waiting) return 'PENDING';
  if (effective) return 'EXPIRED';
  const current = agreement.versions[agreement.versions.length - 1]!;
  return current.proposedAt !== null ? 'AWAITING_SIGNATURES' : 'DRAFT';
}

/**
 * The expiry date that matters now: that of the version in force, else that of the newest version.
 * Null when it has none.
 */
export function expiresOnAt(agreement: Agreement, now: Date): string | null {
  const inForce = versionInForceAt(agreement, now);
  return (inForce ?? agreement.versions[agreement.versions.length - 1]!).expiresOn;
}
