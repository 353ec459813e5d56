import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { serverLang, storedLanguage, storeLanguage, type Language } from './language';
import { translator, type Translate } from './translate';

interface I18n {
  readonly language: Language;
  readonly lang: 'NB' | 'EN';
  readonly t: Translate;
  readonly setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | undefined>(undefined);

const storage = typeof window === 'undefined' ? undefined : window.localStorage;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => storedLanguage(storage));
  useEffect(() => {
    document.documentElement.lang = language;
    storeLanguage(storage, language);
  }, [language]);
  const value = useMemo(() => ({ language, lang: serverLang(language), t: translator(language), setLanguage }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useMessages(): Translate {
  return useI18n().t;
}
