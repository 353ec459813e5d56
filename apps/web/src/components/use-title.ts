import { useEffect } from 'react';
import { useMessages } from '../i18n/i18n';

/** Every page names itself in the browser tab: "<page> – KOM-plattformen". */
export function useTitle(page: string | undefined): void {
  const t = useMessages();
  useEffect(() => {
    document.title = page ? t('app.titlePattern', { page }) : t('app.name');
  }, [page, t]);
}
