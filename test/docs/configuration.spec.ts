import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every setting the platform reads from the environment is in the operator's configuration table. */
describe('the configuration guide', () => {
  const root = join(__dirname, '..', '..');
  const code = readFileSync(join(root, 'libs', 'platform', 'src', 'config', 'kom-config.ts'), 'utf8');
  const guide = readFileSync(join(root, 'docs', 'operations', 'configuration.md'), 'utf8');
  const settings = [...new Set([...code.matchAll(/^\s{2}((?:KOM_)?[A-Z][A-Z_]+): optional\(/gm)].map((m) => m[1]!))];

  it('finds the settings the configuration schema declares', () => {
    expect(settings).toEqual(expect.arrayContaining(['PORT', 'KOM_DATA_DIR', 'KOM_EVENTSTORE_URL']));
    expect(settings.length).toBeGreaterThan(30);
  });

  it('documents each of them', () => {
    expect(settings.filter((name) => !guide.includes(`\`${name}\``))).toEqual([]);
  });
});
