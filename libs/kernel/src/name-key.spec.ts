import { nameKey, nameKeyDigest } from './name-key';

describe('nameKey: names a person cannot tell apart have one key', () => {
  it.each([
    ['the same name', 'ROSA-prosjektet'],
    ['another case', 'rosa-PROSJEKTET'],
    ['a Cyrillic А', 'ROS\u0410-prosjektet'],
    ['Cyrillic о, р, с, е', 'ROSA-\u0440r\u043E\u0455jekt\u0435t'],
    ['a Greek Ο and Ρ', 'R\u039FSA-\u03C1rosjektet'],
    ['a non-breaking hyphen (U+2011)', 'ROSA\u2011prosjektet'],
    ['an en dash', 'ROSA\u2013prosjektet'],
    ['a minus sign', 'ROSA\u2212prosjektet'],
    ['a zero-width space inside', 'ROSA\u200B-prosjektet'],
    ['a soft hyphen and a word joiner', 'ROSA-pros\u00ADjek\u2060tet'],
    ['full-width letters', 'ＲＯＳＡ-prosjektet'],
    ['mathematical bold letters', '𝐑𝐎𝐒𝐀-prosjektet'],
    ['a small capital O', 'ROSA-pr\u1D0Fsjektet'],
    ['spaces around', '  ROSA-prosjektet\u00A0'],
  ])('%s', (_what, lookalike) => {
    expect(nameKey(lookalike)).toBe(nameKey('ROSA-prosjektet'));
    expect(nameKeyDigest(lookalike)).toBe(nameKeyDigest('ROSA-prosjektet'));
  });

  it('folds decomposed letters and ø written as o with a slash overlay', () => {
    expect(nameKey('Gru\u0308nerlo\u0338kka sosialsenter')).toBe(nameKey('Grünerløkka sosialsenter'));
  });

  it('folds Greek capitals by the Latin capital they look like and small letters by the small one', () => {
    expect(nameKey('\u039DAV')).toBe(nameKey('NAV')); // Greek capital Nu
    expect(nameKey('\u03BDav')).toBe(nameKey('vav')); // Greek small nu looks like v
  });

  it('collapses runs of white space and every apostrophe and double quote', () => {
    expect(nameKey('Kirkens   Bymisjon')).toBe(nameKey('Kirkens Bymisjon'));
    expect(nameKey('Children’s House')).toBe(nameKey("Children's House"));
    expect(nameKey('“Nettverket”')).toBe(nameKey('"Nettverket"'));
  });

  it.each([
    ['another letter', 'ROSA-prosjektet', 'ROSE-prosjektet'],
    ['a diacritic', 'Grünerløkka sosialsenter', 'Grunerløkka sosialsenter'],
    ['ø and o', 'Røde Kors', 'Rode Kors'],
    ['æ and ae', 'Næringslivet', 'Naeringslivet'],
    ['a word more', 'Røde Kors', 'Røde Kors Ungdom'],
    ['digits and letters', 'NAV 1', 'NAV I'],
  ])('tells apart names that differ by %s', (_what, a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('names a stream by 32 hex digits that do not spell the name', () => {
    expect(nameKeyDigest('ROSA-prosjektet')).toMatch(/^[0-9a-f]{32}$/);
  });
});
