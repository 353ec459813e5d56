const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l' };

/**
 * The key organisations are listed by: case, accents and the Nordic letters folded to their base
 * letters (Røde Kors between Reform and ROSA, Høyere between Helsedirektoratet and Hvalstad), as a
 * base-sensitivity comparison does. SQLite's NOCASE folds ASCII only and would put every name
 * with ø or ö after z.
 */
export function nameSortKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øæœßđł]/g, (letter) => LETTERS[letter] ?? letter);
}
