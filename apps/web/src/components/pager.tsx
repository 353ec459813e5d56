import { Paragraph } from '@digdir/designsystemet-react';
import { SteadyButton } from './steady-button';
import { useI18n } from '../i18n/i18n';

/** Previous / next page of a forward-paged list, with where you are. */
export function Pager({ page, hasNext, onPrevious, onNext }: { page: number; hasNext: boolean; onPrevious: () => void; onNext: () => void }) {
  const { t } = useI18n();
  if (page === 1 && !hasNext) return null;
  return (
    <nav aria-label={t('pager.label')} className="kom-actions">
      {/* The page moved on with the button pressed: it keeps the focus even where it now leads nowhere. */}
      <SteadyButton variant="secondary" data-size="sm" unavailable={page === 1} onClick={onPrevious}>
        {t('pager.previous')}
      </SteadyButton>
      <Paragraph data-size="sm" aria-live="polite">
        {t('pager.page', { page })}
      </Paragraph>
      <SteadyButton variant="secondary" data-size="sm" unavailable={!hasNext} onClick={onNext}>
        {t('pager.next')}
      </SteadyButton>
    </nav>
  );
}
