import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { RegistersNav } from './registers-nav';

/** The registers KOM keeps: organisations, the groups' members over time, representatives, and the plan's measures. */
export function RegistersPage() {
  const { t } = useI18n();
  useTitle(t('secretariat.registers.title'));
  return (
    <section aria-labelledby="registers-title" className="kom-stack">
      <Heading level={1} id="registers-title">
        {t('secretariat.registers.title')}
      </Heading>
      <Paragraph>{t('secretariat.registers.intro')}</Paragraph>
      <RegistersNav />
    </section>
  );
}
