import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { InvalidInput } from './errors';
import { TEXT_NOT_ALLOWED, checkText, type TextLines } from './text-policy';
import { parseIsoInstant } from './iso-instant';

/**
 * The rules a command's input obeys, as zod schemas, the same way events and configuration are
 * checked. Each failure carries its typed reason (the issue's message) and the sentence a person
 * reads (its `human` param, or the sentence given for the reason); `parseInput` turns the first
 * failure into an InvalidInput at the field.
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, field?: string, sentences: Readonly<Record<string, string>> = {}): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const at = field ?? (issue.path.length > 0 ? String(issue.path[0]) : undefined);
  const human = (issue as { params?: { human?: string } }).params?.human ?? sentences[issue.message] ?? `${at ?? 'input'}: ${issue.message}`;
  throw new InvalidInput(issue.message, human, at);
}

/** One failure: `reason` is what clients switch on, `human` what they may show. */
function refuse(ctx: z.RefinementCtx, reason: string, human: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: reason, params: { human } });
  return z.NEVER;
}

export const MAX_ID = 100;

/**
 * Free text under the platform's text policy (text-policy.ts): NFC, trimmed, refused characters are
 * TEXT_NOT_ALLOWED; empty or only invisible characters (or absent) is null; longer than `max` is
 * `tooLong`. `lines: 'one'` for a name or title (white space runs become one space).
 */
export function optionalText(field: string, max: number, tooLong: string, lines: TextLines = 'many') {
  return z
    .string()
    .nullish()
    .transform((raw, ctx) => {
      const outcome = checkText(raw ?? '', field, lines);
      if ('refused' in outcome) return refuse(ctx, TEXT_NOT_ALLOWED, outcome.message);
      if (outcome.text === '') return null;
      if (outcome.text.length > max) return refuse(ctx, tooLong, `${field} has at most ${max} characters`);
      return outcome.text;
    });
}

/** Free text that must be there: empty (or only invisible characters) is `required`, longer than `max` is `tooLong`. */
export function requiredText(field: string, max: number, required: string, tooLong: string, lines: TextLines = 'many') {
  return optionalText(field, max, tooLong, lines).transform((text, ctx) => (text === null ? refuse(ctx, required, `${field} is required`) : text));
}

/** A string under the text policy, '' when it shows nothing; for schemas that add their own rules after it. */
export function text(field: string, lines: TextLines = 'many') {
  return z.string().transform((raw, ctx) => {
    const outcome = checkText(raw, field, lines);
    return 'refused' in outcome ? refuse(ctx, TEXT_NOT_ALLOWED, outcome.message) : outcome.text;
  });
}

/** An id chosen by a client or the platform: 1 to 100 characters, not only spaces. */
export function id(field: string) {
  return z.unknown().transform((value, ctx) =>
    typeof value !== 'string' || value.trim() === '' || value.length > MAX_ID
      ? refuse(ctx, 'INVALID_ID', `${field} is an id of 1 to ${MAX_ID} characters`)
      : value,
  );
}

/** An ISO 8601 instant with a zone (Z or ±hh:mm) the platform can hold (parseIsoInstant), normalised to UTC. */
export function instant(field: string) {
  return z.unknown().transform((raw, ctx) => {
    const at = parseIsoInstant(raw);
    return at === undefined ? refuse(ctx, 'INVALID_INSTANT', `${field} is an ISO 8601 date and time with a zone, in the years 0100 to 9999`) : at.toISOString();
  });
}

/** A calendar date YYYY-MM-DD that exists. */
export function calendarDay(field: string) {
  return z.unknown().transform((raw, ctx) =>
    typeof raw === 'string' && isCalendarDate(raw) ? raw : refuse(ctx, 'INVALID_DATE', `${field} is a calendar date YYYY-MM-DD`),
  );
}
