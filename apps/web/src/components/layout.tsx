import { Suspense, useState } from 'react';
import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../auth/session-context';
import { signOut } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nb';
import type { Role } from '../auth/session';
import { KeptTextNotice } from './kept-text-notice';
import { Notice } from './notice';
import { Loading } from './states';
import { keptTextFor } from './use-kept-state';

type NavKey = Extract<MessageKey, `nav.${string}`>;

/** Each role's areas, in the order it works in them. */
function navLinks(role: Role): ReadonlyArray<readonly [string, NavKey]> {
  const documents = [['/publications', 'nav.documents']] as const;
  const calendar = [['/publications/calendar', 'nav.calendar']] as const;
  const notifications = [['/notifications', 'nav.notifications']] as const;
  const audit = [
    ['/audit/decisions', 'nav.audit.decisions'],
    ['/audit/integrity', 'nav.audit.integrity'],
    ['/audit/trail', 'nav.audit.trail'],
    ['/audit/verify-document', 'nav.audit.verifyDocument'],
  ] as const;
  switch (role) {
    case 'NGO_REPRESENTATIVE':
      return [['/ngo/issues', 'nav.ngo.issues'], ['/ngo/issues/new', 'nav.ngo.raise'], ['/proposals', 'nav.proposals'], ['/ngo/agreements', 'nav.ngo.agreements'], ...documents, ...calendar, ...notifications];
    case 'AUDITOR':
      return [...audit, ...documents, ...notifications];
    case 'SECRETARIAT':
      return [
        ['/secretariat/calendar', 'nav.secretariat.calendar'],
        ['/secretariat/issues', 'nav.secretariat.issues'],
        ['/secretariat/registers', 'nav.secretariat.registers'],
        ...audit, ...documents, ...calendar, ...notifications];
    case 'AGENCY_MEMBER':
      return [
        ['/agency/meetings', 'nav.agency.meetings'],
        ['/proposals', 'nav.proposals'],
        ['/agency/decisions', 'nav.agency.decisions'],
        ['/agency/action-items', 'nav.agency.actionItems'],
        ['/police/agreements', 'nav.agency.agreements'],
        ...documents,
        ...calendar,
        ...notifications,
      ];
  }
}

export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const { state } = useSession();
  const user = state.status === 'ready' && state.session.authenticated ? state.session.user : undefined;
  const other = language === 'nb' ? 'en' : 'nb';
  const [signOutFailed, setSignOutFailed] = useState(false);
  const leave = async () => {
    setSignOutFailed(false);
    let redirectTo: string | null;
    try {
      redirectTo = await signOut();
    } catch {
      // Still signed in: say so where it is read at once, and stay; the button tries again.
      setSignOutFailed(true);
      return;
    }
    // Signing out on purpose leaves nothing typed behind for whoever uses the tab next.
    keptTextFor(undefined);
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
        {user && (
          <nav aria-label={t('nav.label')} className="kom-nav">
            {navLinks(user.role).map(([to, key], _, links) => (
              // A link is current on its sub-pages too, unless another link owns them (issues vs raise an issue).
              <NavLink key={to} to={to} end={links.some(([other]) => other !== to && other.startsWith(`${to}/`))}>
                {t(key)}
              </NavLink>
            ))}
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="kom-main">
        <Notice tone="danger" text={signOutFailed ? t('nav.signOutFailed') : undefined} />
        <KeptTextNotice />
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
