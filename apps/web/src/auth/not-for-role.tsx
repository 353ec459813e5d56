import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../components/router-link';
import { useTitle } from '../components/use-title';
import { useI18n } from '../i18n/i18n';
import type { Role, SessionUser } from './session';

/**
 * A page of another role's area, opened by a link or a typed address: says whose page it is and
 * where this person's own pages are, instead of forms the server would refuse or a read it refuses.
 */
export function NotForRole({ roles, user }: { roles: readonly Role[]; user: SessionUser }) {
  const { t, language } = useI18n();
  useTitle(t('forRole.title'));
  const names = new Intl.ListFormat(language === 'en' ? 'en-GB' : 'nb-NO', { type: 'conjunction' }).format(roles.map((role) => t(`role.${role}`)));
  return (
    <section aria-labelledby="not-for-role-title" className="kom-stack">
      <Heading level={1} id="not-for-role-title">
        {t('forRole.title')}
      </Heading>
      <Paragraph>{t('forRole.body', { roles: names, role: t(`role.${user.role}`), organization: user.organizationName })}</Paragraph>
      <div>
        <AppLink to="/">{t('forRole.home')}</AppLink>
      </div>
    </section>
  );
}
