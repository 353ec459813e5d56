import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { NotFound } from '@kom/kernel';
import { refusalReasons } from './refusal-reasons';

/*
 * Every `extensions.reason` the API can send is a stable key a client switches on:
 * SCREAMING_SNAKE_CASE, no space. Reasons are written in the source as literals (a refusal's
 * first argument) or built by NotFound from an entity name ('webhook endpoint' →
 * WEBHOOK_ENDPOINT_NOT_FOUND), so this reads the source of the API's libraries and apps, finds
 * every such literal and every entity name, and checks what the client would get.
 */

const REPO = resolve(__dirname, '../..');
const REASON = /^[A-Z][A-Z0-9_]*$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

const FILES = [...sourceFiles(join(REPO, 'libs')), ...sourceFiles(join(REPO, 'apps/api/src')), ...sourceFiles(join(REPO, 'apps/cli/src'))];

/** The first string literal of each call matching `call`, with where it is. */
function literals(call: RegExp): Array<{ value: string; at: string }> {
  return FILES.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(call)].map((m) => ({ value: m[1]!, at: `${relative(REPO, file)}:${text.slice(0, m.index).split('\n').length}` }));
  });
}

describe('error reasons', () => {
  it('builds a reason without a space from every entity name NotFound is given', () => {
    const entities = literals(/new NotFound\(\s*['"`]([^'"`]+)['"`]/g);
    expect(entities.length).toBeGreaterThan(20);
    expect(entities.map((e) => e.value)).toEqual(expect.arrayContaining(['webhook endpoint', 'audit proof']));
    const bad = entities.map(({ value, at }) => ({ at, reason: new NotFound(value, 'x').reason })).filter(({ reason }) => !REASON.test(reason));
    expect(bad).toEqual([]);
    expect(new NotFound('webhook endpoint', 'x').reason).toBe('WEBHOOK_ENDPOINT_NOT_FOUND');
    expect(new NotFound('audit proof', 'x').reason).toBe('AUDIT_PROOF_NOT_FOUND');
    expect(new NotFound('action_item', 'x').reason).toBe('ACTION_ITEM_NOT_FOUND');
  });

  it('writes every literal reason of a refusal in SCREAMING_SNAKE_CASE', () => {
    const reasons = [
      ...literals(/new (?:InvalidInput|InvalidState|Forbidden|Unauthenticated\w*|ServiceUnavailable\w*)\(\s*['"`]([^'"`]*)['"`]/g),
      ...literals(/refuse\(\s*ctx,\s*['"`]([^'"`]*)['"`]/g),
    ];
    expect(reasons.length).toBeGreaterThan(100);
    expect(reasons.filter(({ value }) => !REASON.test(value))).toEqual([]);
  });

  it('writes in SCREAMING_SNAKE_CASE every reason the wider reading finds (helpers, zod checks, ternaries, maps)', () => {
    // refusal-reasons.ts reads the forms the deciders use; the web app's texts are checked against it.
    const reasons = refusalReasons();
    expect(reasons.length).toBeGreaterThan(300);
    expect(reasons.filter(({ value }) => !REASON.test(value))).toEqual([]);
  });
});
