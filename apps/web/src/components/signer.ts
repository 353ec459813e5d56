import type { MessageKey } from '../i18n/nb';
import type { Translate } from '../i18n/translate';

type Named = { name?: string | null; erased: boolean } | null | undefined;
type Act = 'agreement.signedBy' | 'representative.recordedBy' | 'representative.proposedBy';

/**
 * Who acted for the organisation, as the register names the representative now: empty when not
 * recorded or not for this reader (the API gives null then), a fixed phrase when the name was erased.
 */
function actorText(t: Translate, act: Act, erased: MessageKey, representative: Named): string {
  if (!representative) return '';
  if (representative.erased) return t(erased);
  return representative.name ? t(act, { name: representative.name }) : '';
}

/** Who signed. */
export const signerText = (t: Translate, representative: Named): string => actorText(t, 'agreement.signedBy', 'agreement.signerErased', representative);

/** Who recorded a position for the organisation. */
export const recorderText = (t: Translate, representative: Named): string =>
  actorText(t, 'representative.recordedBy', 'representative.recorderErased', representative);

/** Who proposed an agenda item for the organisation. */
export const proposerText = (t: Translate, representative: Named): string =>
  actorText(t, 'representative.proposedBy', 'representative.proposerErased', representative);
