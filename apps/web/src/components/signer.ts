import type { Translate } from '../i18n/translate';

/** Who signed, as the register names the representative now; empty when not recorded or not for this reader. */
export function signerText(t: Translate, representative: { name?: string | null; erased: boolean } | null | undefined): string {
  if (!representative) return '';
  if (representative.erased) return t('agreement.signerErased');
  return representative.name ? t('agreement.signedBy', { name: representative.name }) : '';
}
