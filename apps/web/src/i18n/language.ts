/** The languages of the interface; Norwegian bokmål unless the user chose English. */
export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kom.language';

export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  const value = storage?.getItem(STORAGE_KEY);
  return value === 'en' ? 'en' : 'nb';
}

export function storeLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: Language): void {
  storage?.setItem(STORAGE_KEY, language);
}

/** The server's `Lang` argument for labels (statusLabel(lang:) and the like). */
export function serverLang(language: Language): 'NB' | 'EN' {
  return language === 'en' ? 'EN' : 'NB';
}
