import { useQuery } from '@apollo/client/react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { ErrorState, Loading, Empty } from '../components/states';
import { AgreementVersionDiffDocument } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

interface Props {
  readonly agreementId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly sections: ReadonlyArray<{ key: string; nb: string; en: string }>;
  readonly lang: 'NB' | 'EN';
}

/** Two versions side by side, clause by clause; removed and added text is marked in words, not colour alone. */
export function VersionDiff({ agreementId, fromVersion, toVersion, sections, lang }: Props) {
  const { t, language } = useI18n();
  const { data, loading, error, refetch } = useQuery(AgreementVersionDiffDocument, { variables: { id: agreementId, fromVersion, toVersion } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState onRetry={() => void refetch()} />;
  const diff = data?.agreementVersionDiff;
  if (!diff) return null;
  const sectionName = (key: string) => {
    const s = sections.find((x) => x.key === key);
    return s ? (language === 'en' ? s.en : s.nb) : key;
  };
  const rows = [
    // The language each text is in: the title and purpose are Norwegian; a clause is English only where translated.
    ...(diff.title ? [{ key: 'title', name: t('ngo.agreement.diff.title'), change: diff.title, lang: 'nb' }] : []),
    ...(diff.purpose ? [{ key: 'purpose', name: t('ngo.agreement.purpose'), change: diff.purpose, lang: 'nb' }] : []),
    ...(diff.effectiveFrom ? [{ key: 'effectiveFrom', name: t('ngo.agreement.effectiveFrom'), change: diff.effectiveFrom, lang: undefined }] : []),
    ...(diff.expiresOn ? [{ key: 'expiresOn', name: t('ngo.agreement.expiresOn'), change: diff.expiresOn, lang: undefined }] : []),
    ...diff.clauses.map((c) => {
      const english = lang === 'EN' && c.en ? c.en : undefined;
      return {
        key: c.section,
        name: `${sectionName(c.section)} (${t(`ngo.agreement.diff.${c.change}`)})`,
        change: english ?? c.nb ?? { from: null, to: null },
        lang: english ? 'en' : 'nb',
      };
    }),
  ];
  if (rows.length === 0 && diff.parties.length === 0) return <Empty>{t('ngo.agreement.diff.none')}</Empty>;
  return (
    <div className="kom-stack">
      {rows.map((row) => (
        <div key={row.key}>
          <Heading level={3} data-size="xs">
            {row.name}
          </Heading>
          <div className="kom-diff">
            <div>
              <Paragraph data-size="sm">
                <strong>{t('ngo.agreement.diff.before', { version: fromVersion })}</strong>
              </Paragraph>
              {row.change.from ? (
                <Paragraph lang={row.lang}>
                  <del>{row.change.from}</del>
                </Paragraph>
              ) : (
                <Paragraph>{t('ngo.agreement.diff.absent')}</Paragraph>
              )}
            </div>
            <div>
              <Paragraph data-size="sm">
                <strong>{t('ngo.agreement.diff.after', { version: toVersion })}</strong>
              </Paragraph>
              {row.change.to ? (
                <Paragraph lang={row.lang}>
                  <ins>{row.change.to}</ins>
                </Paragraph>
              ) : (
                <Paragraph>{t('ngo.agreement.diff.absent')}</Paragraph>
              )}
            </div>
          </div>
        </div>
      ))}
      {diff.parties.map((p) => (
        <Paragraph key={p.organizationId}>{t('ngo.agreement.diff.party', { name: p.name, change: t(`ngo.agreement.diff.${p.change}`) })}</Paragraph>
      ))}
    </div>
  );
}
