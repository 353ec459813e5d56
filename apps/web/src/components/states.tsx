import { useId } from 'react';
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { refusalOf } from '../apollo/refusal';
import { useMessages } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nb';

export function Loading() {
  const t = useMessages();
  return (
    <div role="status" className="kom-loading">
      <Spinner aria-hidden data-size="md" />
      <span>{t('state.loading')}</span>
    </div>
  );
}

/** What a failed read means for the reader: only a failure to reach the service is about the network. */
function bodyOf(error: unknown): MessageKey {
  const code = refusalOf(error)?.code;
  if (code === undefined) return 'state.error.body';
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return 'state.error.forbidden';
  if (code === 'NOT_FOUND') return 'state.error.notFound';
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') return 'state.error.badLink';
  return 'state.error.server';
}

/** What went wrong in words, and what to do next; never a raw error object. */
export function ErrorState({ onRetry, message, error }: { onRetry?: () => void; message?: string; error?: unknown }) {
  const t = useMessages();
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {t('state.error.title')}
      </Heading>
      <Paragraph>{message ?? t(bodyOf(error))}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('state.error.retry')}
        </Button>
      )}
    </Alert>
  );
}

/** A page whose content could not be read: its own heading stays, so the reader knows where they are. */
export function PageError({ title, error, onRetry }: { title: string; error?: unknown; onRetry?: () => void }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="kom-stack">
      <Heading level={1} id={id}>
        {title}
      </Heading>
      <ErrorState error={error} onRetry={onRetry} />
    </section>
  );
}

export function Empty({ children }: { children: string }) {
  return <Paragraph className="kom-empty">{children}</Paragraph>;
}
