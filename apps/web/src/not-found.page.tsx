import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from './components/router-link';
import { useTitle } from './components/use-title';
import { useMessages } from './i18n/i18n';

export function NotFoundPage() {
  const t = useMessages();
  useTitle(t('notFound.title'));
  return (
    <section aria-labelledby="not-found-title">
      <Heading level={1} id="not-found-title">
        {t('notFound.title')}
      </Heading>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <AppLink to="/">{t('notFound.home')}</AppLink>
    </section>
  );
}
