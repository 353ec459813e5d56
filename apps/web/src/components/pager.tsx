import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

/** Previous / next page of a forward-paged list, with where you are. */
export function Pager({ page, hasNext, onPrevious, onNext }: { page: number; hasNext: boolean; onPrevious: () => void; onNext: () => void }) {
  const { t } = useI18n();
  if (page === 1 && !hasNext) return null;
  return (
    <nav aria-label={t('pager.label')} className="kom-actions">
      <Button variant="secondary" data-size="sm" disabled={page === 1} onClick={onPrevious}>
        {t('pager.previous')}
      </Button>
      <Paragraph data-size="sm" aria-live="polite">
        {t('pager.page', { page })}
      </Paragraph>
      <Button variant="secondary" data-size="sm" disabled={!hasNext} onClick={onNext}>
        {t('pager.next')}
      </Button>
    </nav>
  );
}
