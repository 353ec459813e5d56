import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Navigate } from 'react-router';
import { useUser } from './auth/session-context';
import { useTitle } from './components/use-title';
import { useMessages } from './i18n/i18n';

/** Each role starts in its own area; areas not yet in the web app say where to turn meanwhile. */
export function HomePage() {
  const t = useMessages();
  const user = useUser();
  useTitle(t('home.title'));
  if (user.role === 'NGO_REPRESENTATIVE') return <Navigate to="/ngo/issues" replace />;
  if (user.role === 'AUDITOR') return <Navigate to="/audit/decisions" replace />;
  if (user.role === 'AGENCY_MEMBER') return <Navigate to="/agency/meetings" replace />;
  if (user.role === 'SECRETARIAT') return <Navigate to="/secretariat/calendar" replace />;
  return (
    <section aria-labelledby="home-title">
      <Heading level={1} id="home-title">
        {t('home.title')}
      </Heading>
      <Paragraph>{t('home.notYet', { role: t(`role.${user.role}`) })}</Paragraph>
    </section>
  );
}
