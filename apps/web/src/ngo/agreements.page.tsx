import { useQuery } from '@apollo/client/react';
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useUser } from '../auth/session-context';
import { LiveFollow, LiveNotice, useLiveRefetch } from '../components/live-notice';
import { AppLink } from '../components/router-link';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTitle } from '../components/use-title';
import { OurAgreementsDocument, PartyAgreementChangedDocument } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { TableScroll } from '../components/table-scroll';

const LIVE_QUERIES = [OurAgreementsDocument];

/** The agreements the organisation is party to; each is followed live (a signature asked for shows at once). */
export function AgreementsPage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  useTitle(t('ngo.agreements.title'));
  const { data, loading, error, refetch } = useQuery(OurAgreementsDocument, { variables: { organizationId: user.organizationId, lang } });
  const agreements = data?.agreements.edges.map((e) => e.node) ?? [];
  const [updated, onPush] = useLiveRefetch(LIVE_QUERIES, t('live.what.agreements'));
  return (
    <section aria-labelledby="agreements-title">
      <Heading level={1} id="agreements-title">
        {t('ngo.agreements.title')}
      </Heading>
      <Paragraph>{t('ngo.agreements.intro', { organization: user.organizationName })}</Paragraph>
      <LiveNotice updated={updated} />
      {agreements.map((a) => (
        <LiveFollow key={a.id} subscription={PartyAgreementChangedDocument} variables={{ id: a.id }} onPush={onPush} />
      ))}
      {loading && !data && <Loading />}
      {error && !data && <ErrorState onRetry={() => void refetch()} />}
      {data && agreements.length === 0 && <Empty>{t('ngo.agreements.empty')}</Empty>}
      {agreements.length > 0 && (
        <TableScroll label={t('ngo.agreements.title')}>
          <Table>
            <caption className="kom-visually-hidden">{t('ngo.agreements.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('ngo.agreements.column.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ngo.agreements.column.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ngo.agreements.column.expires')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ngo.agreements.column.signature')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {agreements.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <AppLink to={`/ngo/agreements/${a.id}`}>
                      {/* An agreement's title is its binding Norwegian text, also on an English page. */}
                      <span lang="nb">{a.title}</span>
                    </AppLink>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color="info">{a.statusLabel}</Tag>
                  </Table.Cell>
                  <Table.Cell>{a.expiresOn ? formatDate(a.expiresOn, language) : t('ngo.agreements.noExpiry')}</Table.Cell>
                  <Table.Cell>
                    {a.status === 'AWAITING_SIGNATURES' && a.currentVersion.missingSignatures.includes(user.organizationId)
                      ? t('ngo.agreements.signatureAsked')
                      : t('ngo.agreements.nothingAsked')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
