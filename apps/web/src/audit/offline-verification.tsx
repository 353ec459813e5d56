import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

/** The exact command to verify a downloaded bundle with nothing but the file and the published key id. */
export function OfflineVerification({ keyId, file = 'bundle.jsonl' }: { keyId: string; file?: string }) {
  const { t } = useI18n();
  return (
    <div className="kom-stack kom-command">
      <Heading level={3} data-size="xs">
        {t('audit.offline.title')}
      </Heading>
      <Paragraph>{t('audit.offline.body')}</Paragraph>
      <pre tabIndex={0} aria-label={t('audit.offline.command')}>
        <code>{`npm run kom -- verify --bundle ${file} --key-id ${keyId}`}</code>
      </pre>
      <Paragraph data-size="sm">{t('audit.offline.keyNote')}</Paragraph>
    </div>
  );
}
