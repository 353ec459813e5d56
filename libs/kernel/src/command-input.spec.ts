import { z } from 'zod';
import { InvalidInput } from './errors';
import { input, parseInput } from './index';

const refusal = (f: () => unknown): InvalidInput => {
  try {
    f();
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('command input as zod schemas: every failure a typed reason at its field', () => {
  it('trims text, refuses empty required text and text over the limit, each with its reason and sentence', () => {
    const title = input.requiredText('title', 5, 'TITLE_REQUIRED', 'TITLE_TOO_LONG');
    expect(parseInput(title, '  abc  ')).toBe('abc');
    expect(refusal(() => parseInput(title, '   ', 'title'))).toMatchObject({ reason: 'TITLE_REQUIRED', message: 'title is required', field: 'title' });
    expect(refusal(() => parseInput(title, undefined, 'title')).reason).toBe('TITLE_REQUIRED');
    expect(refusal(() => parseInput(title, 'abcdef', 'title'))).toMatchObject({ reason: 'TITLE_TOO_LONG', message: 'title has at most 5 characters' });
    expect(parseInput(input.optionalText('note', 5, 'TEXT_TOO_LONG'), '  ')).toBeNull();
  });

  it('checks ids, instants and calendar days', () => {
    expect(refusal(() => parseInput(input.id('meetingId'), ' ', 'meetingId'))).toMatchObject({ reason: 'INVALID_ID', field: 'meetingId' });
    expect(refusal(() => parseInput(input.id('meetingId'), 'x'.repeat(101))).reason).toBe('INVALID_ID');
    expect(parseInput(input.instant('startsAt'), '2027-03-28T10:00:00+02:00')).toBe('2027-03-28T08:00:00.000Z');
    expect(refusal(() => parseInput(input.instant('startsAt'), '2027-02-30T10:00:00Z')).reason).toBe('INVALID_INSTANT');
    expect(refusal(() => parseInput(input.instant('startsAt'), '2027-03-28T10:00:00')).reason).toBe('INVALID_INSTANT');
    expect(parseInput(input.calendarDay('dueDate'), '2028-02-29')).toBe('2028-02-29');
    expect(refusal(() => parseInput(input.calendarDay('dueDate'), '2027-02-29')).reason).toBe('INVALID_DATE');
  });

  it('names the field of the first failing key of an object schema, and uses the sentence given for a reason', () => {
    const schema = z.object({ title: input.requiredText('title', 10, 'TITLE_REQUIRED', 'TITLE_TOO_LONG'), kind: z.enum(['A', 'B'], { error: 'UNKNOWN_KIND' }) });
    expect(refusal(() => parseInput(schema, { title: 'ok', kind: 'C' }, undefined, { UNKNOWN_KIND: 'A kind is A or B' }))).toMatchObject({
      reason: 'UNKNOWN_KIND',
      message: 'A kind is A or B',
      field: 'kind',
    });
    expect(refusal(() => parseInput(schema, { title: '', kind: 'C' })).reason).toBe('TITLE_REQUIRED');
  });
});
