import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { InvalidInput } from './errors';

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

/** Trimmed text; empty (or absent) is null; longer than `max` is `tooLong`. */
export function optionalText(field: string, max: number, tooLong: string) {
  return z
    .string()
    .nullish()
    .transform((raw, ctx) => {
      const text = (raw ?? '').trim();
      if (text === '') return null;
      if (text.length > max) return refuse(ctx, tooLong, `${field} has at most ${max} characters`);
      return text;
    });
}

/** Trimmed text that must be there: empty is `required`, longer than `max` is `tooLong`. */
export function requiredText(field: string, max: number, required: string, tooLong: string) {
  return optionalText(field, max, tooLong).transform((text, ctx) => (text === null ? refuse(ctx, required, `${field} is required`) : text));
}

/** An id chosen by a client or the platform: 1 to 100 characters, not only spaces. */
export function id(field: string) {
  return z.unknown().transform((value, ctx) =>
    typeof value !== 'string' || value.trim() === '' || value.length > MAX_ID
      ? refuse(ctx, 'INVALID_ID', `${field} is an id of 1 to ${MAX_ID} characters`)
      : value,
  );
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with a zone (Z or ±hh:mm), normalised to UTC. */
export function instant(field: string) {
  return z.unknown().transform((raw, ctx) => {
    const ms = typeof raw === 'string' && ISO_INSTANT.test(raw) && isCalendarDate(raw.slice(0, 10)) ? Date.parse(raw) : NaN;
    return Number.isNaN(ms) ? refuse(ctx, 'INVALID_INSTANT', `${field} is an ISO 8601 date and time with a zone`) : new Date(ms).toISOString();
  });
}

/** A calendar date YYYY-MM-DD that exists. */
export function calendarDay(field: string) {
  return z.unknown().transform((raw, ctx) =>
    typeof raw === 'string' && isCalendarDate(raw) ? raw : refuse(ctx, 'INVALID_DATE', `${field} is a calendar date YYYY-MM-DD`),
  );
}
