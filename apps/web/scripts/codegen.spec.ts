import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_FILE, WEB_ROOT } from './paths';

// The generator's plugins are ES modules that jest's CommonJS runtime cannot load: run it as npm does.
const TSX = join(WEB_ROOT, '..', '..', 'node_modules', '.bin', 'tsx');

describe("the web app's typed operations", () => {
  it('are generated from the current schema and operations (run npm run web:codegen when this fails)', () => {
    const fresh = execFileSync(TSX, [join(__dirname, 'codegen.ts'), '--print'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(fresh.length).toBeGreaterThan(1000);
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(fresh);
  }, 60_000);
});
