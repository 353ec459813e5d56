import { InvalidInput } from './errors';
import { containsNationalIdNumber } from './national-id-text';

/**
 * The platform coordinates organisations, not cases: a national identity number anywhere in what
 * would be stored is refused before anything is. `fields` names every place it was found
 * (`input.description`, `input.parties[1].role`, `metadata.correlationId`) so that a client can
 * show the refusal at the field; the message says why, never the number.
 */
export class PersonalDataRefused extends InvalidInput {
  // InvalidInput's name: every handler that knows InvalidInput knows this refusal.
  constructor(readonly fields: readonly string[]) {
    super(
      'PERSONAL_DATA_REFUSED',
      `${fields.join(', ')} ${fields.length === 1 ? 'seems' : 'seem'} to contain a Norwegian national identity number ` +
        '(fødselsnummer, D-number or H-number). KOM Platform must not store personal data about individuals; remove it and try again.',
      // The input field a form shows the refusal at (`description` for `input.description`).
      fields[0]?.startsWith('input.') ? fields[0].slice('input.'.length) : fields[0],
    );
  }
}

/** The path of every string (or integer) in `value` that holds a national identity number. */
export function nationalIdNumberPaths(value: unknown, path: string): string[] {
  const found: string[] = [];
  walk(value, path, found, new Set());
  return found;
}

/** Throws PersonalDataRefused when any string in any of the named values holds a national identity number. */
export function refusePersonalData(values: Readonly<Record<string, unknown>>): void {
  const found = Object.entries(values).flatMap(([path, value]) => nationalIdNumberPaths(value, path));
  if (found.length > 0) throw new PersonalDataRefused(found);
}

function walk(value: unknown, path: string, found: string[], seen: Set<object>): void {
  if (typeof value === 'string') {
    if (containsNationalIdNumber(value)) found.push(path);
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    // A JSON number loses a leading zero, but a D-number or a later day of the month survives as one.
    if (containsNationalIdNumber(String(value))) found.push(path);
  } else if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) {
    return;
  } else if (Array.isArray(value)) {
    seen.add(value);
    value.forEach((item, index) => walk(item, `${path}[${index}]`, found, seen));
  } else {
    seen.add(value);
    for (const [key, item] of Object.entries(value)) {
      // The path must not repeat the number: a key that holds one is named by its place only.
      if (containsNationalIdNumber(key)) found.push(`${path}.<key>`);
      else walk(item, `${path}.${key}`, found, seen);
    }
  }
}
