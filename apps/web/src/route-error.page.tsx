import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { AppLink } from './components/router-link';
import { useTitle } from './components/use-title';
import { useMessages } from './i18n/i18n';
import { NotFoundPage } from './not-found.page';

/**
 * What any page that fails while it is shown says instead of React Router's screen for developers:
 * in the reader's language, inside the app's layout (header, menu, footer stay), with a way on.
 */
export function RouteErrorPage() {
  const t = useMessages();
  const error = useRouteError();
  useTitle(t('routeError.title'));
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <section aria-labelledby="route-error-title" className="kom-stack">
      <Heading level={1} id="route-error-title">
        {t('routeError.title')}
      </Heading>
      <Paragraph>{t('routeError.body')}</Paragraph>
      <div className="kom-actions">
        <Button variant="secondary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </Button>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </div>
    </section>
  );
}
