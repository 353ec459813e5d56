import { nb, type MessageKey } from './nb';
import { en } from './en';
import type { Language } from './language';

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { nb, en };

export type Vars = Record<string, string | number>;
export type Translate = ((key: MessageKey, vars?: Vars) => string) & {
  /** For keys built from server values (an event type, a reason): undefined when the catalogue has none. */
  maybe: (key: string, vars?: Vars) => string | undefined;
};

function fill(text: string, vars: Vars | undefined): string {
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  const t = ((key: MessageKey, vars?: Vars) => fill(catalogue[key], vars)) as Translate;
  t.maybe = (key, vars) => (key in catalogue ? fill(catalogue[key as MessageKey], vars) : undefined);
  return t;
}
