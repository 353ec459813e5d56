import { nameSortKey } from './name-sort-key';

describe('the key organisations are listed by', () => {
  it('folds case, accents and the Nordic letters to their base letters', () => {
    const names = ['ROSA-prosjektet', 'Røde Kors', 'Reform – ressurssenter for menn', 'Hvalstad', 'Høyere påtalemyndighet', 'Grünerløkka sosialsenter', 'Æsop', 'Advokatforeningen'];
    expect([...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1))).toEqual([
      'Advokatforeningen',
      'Æsop',
      'Grünerløkka sosialsenter',
      'Høyere påtalemyndighet',
      'Hvalstad',
      'Reform – ressurssenter for menn',
      'Røde Kors',
      'ROSA-prosjektet',
    ]);
    expect(nameSortKey('Å Ø Æ')).toBe('a o ae');
  });
});
