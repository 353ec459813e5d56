import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/i18n';

const PAGES = [
  ['/secretariat/registers/organizations', 'secretariat.registers.organizations'],
  ['/secretariat/registers/groups', 'secretariat.registers.groups'],
  ['/secretariat/registers/representatives', 'secretariat.registers.representatives'],
  ['/secretariat/registers/measures', 'secretariat.registers.measures'],
] as const;

/** The registers' sub-pages, the current one marked. */
export function RegistersNav() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('secretariat.registers.nav')} className="kom-actions">
      {PAGES.map(([to, key]) => (
        <NavLink key={to} to={to}>
          {t(key)}
        </NavLink>
      ))}
    </nav>
  );
}
