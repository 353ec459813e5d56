import { dirname, join } from 'node:path';

/**
 * Noto Sans (SIL Open Font License) from @fontsource, embedded in every PDF: the same glyphs on
 * every machine, Norwegian letters included, and the same bytes for the same document.
 */
export function documentFont(weight: 'regular' | 'bold'): string {
  const files = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
  return join(files, `noto-sans-latin-${weight === 'bold' ? 700 : 400}-normal.woff`);
}
