import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { NotFound } from '@kom/kernel';

/*
 * The reasons of the domain's refusals (`extensions.reason`), read from the source of the API's
 * libraries and apps: what the deciders, the application handlers and the HTTP controllers can
 * throw. A reason is written in one of these ways, and each is read here:
 *
 *   new InvalidInput('X', …) / InvalidState / Forbidden     its first argument: a literal, a ternary
 *                                                            of literals, a constant (TEXT_NOT_ALLOWED),
 *                                                            or a local (`const reason = FINAL[s.status]`,
 *                                                            whose literals, or whose map's values, count)
 *   super('X', …) in a class extending a refusal             ConcurrencyConflict, AuditKeyRetired, …
 *   refuse(ctx, 'X', …)                                       a zod schema's refusal (@kom/kernel command-input)
 *   requiredText(…, 'X_REQUIRED', 'X_TOO_LONG'), optionalText, requiredTitle, requireIsoInstant
 *                                                            every SCREAMING_SNAKE literal among the arguments
 *   .min(1, 'X'), .max(n, 'X'), .refine(…, 'X'), z.enum(…, { error: 'X' })
 *                                                            a zod check's message, which parseInput makes the reason
 *   new NotFound('webhook endpoint', id)                     WEBHOOK_ENDPOINT_NOT_FOUND
 *
 * A refusal whose first argument is none of these passes on a reason read elsewhere (a zod issue's
 * message, another refusal's reason): `unread` lists them, so a new way of writing a reason fails
 * a test until this reads it.
 */

const REPO = resolve(__dirname, '../..');
const SCREAMING = /['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g;
const LITERAL = /['"`]([^'"`]*)['"`]/g;

export interface Found {
  readonly value: string;
  /** file:line */
  readonly at: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

export const SOURCE_FILES = [...sourceFiles(join(REPO, 'libs')), ...sourceFiles(join(REPO, 'apps/api/src')), ...sourceFiles(join(REPO, 'apps/cli/src'))];

/** The text between the bracket at `open` and its partner, skipping strings. */
function bracketed(text: string, open: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return text.slice(open + 1, i);
  }
  return '';
}

/** The top-level arguments of an argument list. */
function args(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((a) => a.trim());
}

const screaming = (text: string) => [...text.matchAll(SCREAMING)].map((m) => m[1]!);
const literals = (text: string) => [...text.matchAll(LITERAL)].map((m) => m[1]!);
/** A literal built at run time (`${entity}_NOT_FOUND`) is no reason this can read. */
const interpolated = (text: string) => text.includes('${');

interface Source {
  readonly file: string;
  readonly text: string;
}

const SOURCES: readonly Source[] = SOURCE_FILES.map((file) => ({ file: relative(REPO, file), text: readFileSync(file, 'utf8') }));

/** `export const TEXT_NOT_ALLOWED = 'TEXT_NOT_ALLOWED'` and the like, by name. */
const CONSTANTS = new Map(SOURCES.flatMap(({ text }) => [...text.matchAll(/export const ([A-Z][A-Z0-9_]*)\s*=\s*'([A-Z][A-Z0-9_]*)'/g)].map((m) => [m[1]!, m[2]!] as const)));

/** The reasons a refusal's first argument names: literals, a constant, or a local and the map it reads. */
function reasonsOf(argument: string, { text }: Source, index: number): string[] | undefined {
  if (interpolated(argument)) return undefined;
  if (/^['"`]/.test(argument)) return literals(argument);
  // cond ? 'A' : 'B': the branches, not what the condition compares.
  if (/\?[\s\S]*:/.test(argument)) return literals(argument.slice(argument.indexOf('?')));
  if (!/^[A-Za-z_]\w*$/.test(argument)) return undefined;
  const constant = CONSTANTS.get(argument);
  if (constant) return [constant];
  const declaration = [...text.slice(0, index).matchAll(new RegExp(`(?:const|let)\\s+${argument}\\b[^=]*=([^;]*);`, 'g'))].pop();
  if (!declaration) return undefined;
  const maps = [...declaration[1]!.matchAll(/\b([A-Z][A-Z0-9_]*)\[/g)].flatMap((m) => {
    const map = new RegExp(`const ${m[1]}\\b[^=]*=\\s*\\{([^}]*)\\}`).exec(text);
    return map ? screaming(map[1]!) : [];
  });
  const found = [...screaming(declaration[1]!), ...maps];
  return found.length > 0 ? found : undefined;
}

function scan(): { reasons: Found[]; unread: Found[] } {
  const reasons: Found[] = [];
  const unread: Found[] = [];
  for (const source of SOURCES) {
    const { file, text } = source;
    const at = (index: number) => `${file}:${text.slice(0, index).split('\n').length}`;
    const add = (values: readonly string[], index: number) => values.forEach((value) => reasons.push({ value, at: at(index) }));
    const call = (pattern: RegExp, each: (list: string, index: number) => void) => {
      for (const m of text.matchAll(pattern)) each(bracketed(text, m.index + m[0].lastIndexOf('(')), m.index);
    };

    call(/new (?:InvalidInput|InvalidState|Forbidden)\(/g, (list, index) => {
      const first = args(list)[0] ?? '';
      const found = reasonsOf(first, source, index);
      if (found) add(found, index);
      else unread.push({ value: first, at: at(index) });
    });
    // The refusals' own constructors pass `reason` on (and NotFound builds its own, read below).
    if (/extends (?:DomainError|InvalidInput|InvalidState|Forbidden)\b/.test(text)) {
      call(/\bsuper\(/g, (list, index) => {
        const first = args(list)[0] ?? '';
        if (/^['"`]/.test(first) && !interpolated(first)) add(literals(first), index);
      });
    }
    call(/\brefuse\(\s*ctx\s*,/g, (list, index) => add(reasonsOf(args(list)[1] ?? '', source, index) ?? [], index));
    call(/\b(?:requiredText|optionalText|requiredTitle|requireIsoInstant)\(/g, (list, index) => add(screaming(list), index));
    call(/\.(?:min|max|length|regex|refine)\(/g, (list, index) => {
      const all = args(list);
      if (all.length > 1) add(screaming(all[all.length - 1]!), index);
    });
    for (const m of text.matchAll(/\bz\.\w+\([^()]*\{\s*(?:error|message)\s*:\s*'([A-Z][A-Z0-9_]*)'/g)) add([m[1]!], m.index);
    for (const m of text.matchAll(/new NotFound\(\s*['"`]([^'"`]+)['"`]/g)) add([new NotFound(m[1]!, 'x').reason], m.index);
  }
  return { reasons, unread };
}

const SCAN = scan();

/** Every reason the domain's refusals can carry, with where it is written (some literals may break the form: a spec checks). */
export const refusalReasons = (): readonly Found[] => SCAN.reasons;

/** Refusals whose reason the scan could not read: pass-throughs of a reason read elsewhere. */
export const unreadRefusals = (): readonly Found[] => SCAN.unread;

/** True when `reason` is written as a literal anywhere in the API's source (for reasons outside the domain's refusals). */
export const writtenInSource = (reason: string): boolean => SOURCES.some(({ text }) => text.includes(`'${reason}'`) || text.includes(`"${reason}"`));
