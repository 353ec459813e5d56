import { isCalendarDay } from '../i18n/format';
import type { Translate } from '../i18n/translate';

/**
 * What to say at the from and to fields when a link names a day the calendar lacks (2026-13-01):
 * the page keeps its layout and says so in its language, as for a link naming an unknown measure.
 */
export function dayErrors(params: URLSearchParams, t: Translate): { from?: string; to?: string; any: boolean } {
  const error = (name: 'from' | 'to') => {
    const value = params.get(name)?.trim();
    return value && !isCalendarDay(value) ? t('link.invalidDay', { value }) : undefined;
  };
  const from = error('from');
  const to = error('to');
  return { from, to, any: Boolean(from || to) };
}
