import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMessages } from '../i18n/i18n';

export function Loading() {
  const t = useMessages();
  return (
    <div role="status" className="kom-loading">
      <Spinner aria-hidden data-size="md" />
      <span>{t('state.loading')}</span>
    </div>
  );
}

/** What went wrong in words, and what to do next; never a raw error object. */
export function ErrorState({ onRetry, message }: { onRetry?: () => void; message?: string }) {
  const t = useMessages();
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {t('state.error.title')}
      </Heading>
      <Paragraph>{message ?? t('state.error.body')}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('state.error.retry')}
        </Button>
      )}
    </Alert>
  );
}

export function Empty({ children }: { children: string }) {
  return <Paragraph className="kom-empty">{children}</Paragraph>;
}
