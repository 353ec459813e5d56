import { Suspense } from 'react';
import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../auth/session-context';
import { signOut } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Loading } from './states';

export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const { state } = useSession();
  const user = state.status === 'ready' && state.session.authenticated ? state.session.user : undefined;
  const other = language === 'nb' ? 'en' : 'nb';
  const leave = async () => {
    const redirectTo = await signOut();
    window.location.assign(redirectTo ?? '/sign-in');
  };
  return (
    <>
      <SkipLink href="#main">{t('nav.skipToContent')}</SkipLink>
      <header className="kom-header">
        <div className="kom-bar">
          <NavLink to="/" className="kom-brand">
            {t('app.name')}
          </NavLink>
          <div className="kom-tools">
            <Button variant="tertiary" data-size="sm" lang={other} onClick={() => setLanguage(other)}>
              {t('nav.otherLanguage')}
            </Button>
            {user && (
              <>
                <Paragraph data-size="sm" className="kom-user">
                  {t('nav.signedInAs', { organization: user.organizationName, role: t(`role.${user.role}`) })}
                </Paragraph>
                <Button variant="secondary" data-size="sm" onClick={() => void leave()}>
                  {t('nav.signOut')}
                </Button>
              </>
            )}
          </div>
        </div>
        {user?.role === 'NGO_REPRESENTATIVE' && (
          <nav aria-label={t('nav.label')} className="kom-nav">
            <NavLink to="/ngo/issues" end>
              {t('nav.ngo.issues')}
            </NavLink>
            <NavLink to="/ngo/issues/new">{t('nav.ngo.raise')}</NavLink>
            <NavLink to="/ngo/agreements">{t('nav.ngo.agreements')}</NavLink>
          </nav>
        )}
        {(user?.role === 'AUDITOR' || user?.role === 'SECRETARIAT') && (
          <nav aria-label={t('nav.label')} className="kom-nav">
            <NavLink to="/audit/decisions">{t('nav.audit.decisions')}</NavLink>
            <NavLink to="/audit/integrity">{t('nav.audit.integrity')}</NavLink>
            <NavLink to="/audit/trail">{t('nav.audit.trail')}</NavLink>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="kom-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="kom-footer">
        <Paragraph data-size="sm">{t('app.footer')}</Paragraph>
      </footer>
    </>
  );
}
