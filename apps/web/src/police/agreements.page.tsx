import { useQuery } from '@apollo/client/react';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { useUser } from '../auth/session-context';
import { LiveFollow, LiveNotice, useLiveRefetch } from '../components/live-notice';
import { AppLink } from '../components/router-link';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTitle } from '../components/use-title';
import { PoliceAgreementChangedDocument, PoliceAgreementsDocument } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { TableScroll } from '../components/table-scroll';

const LIVE_QUERIES = [PoliceAgreementsDocument];

/** The police party's cooperation agreements with its partners (measure 34); each listed agreement is followed live. */
export function PoliceAgreementsPage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  useTitle(t('police.agreements.title'));
  const { data, loading, error, refetch } = useQuery(PoliceAgreementsDocument, { variables: { partyId: user.organizationId, lang }, fetchPolicy: 'cache-and-network' });
  const agreements = data?.agreements.edges.map((e) => e.node) ?? [];
  const [updated, onPush] = useLiveRefetch(LIVE_QUERIES, t('live.what.agreements'));
  // The police party drafts and runs agreements; any other party reads and signs them.
  const police = data?.organization?.kind === 'POLICE';
  const linkTo = (id: string) => (police ? `/police/agreements/${id}` : `/ngo/agreements/${id}`);
  return (
    <section aria-labelledby="police-agreements-title" className="kom-stack">
      <Heading level={1} id="police-agreements-title">
        {t('police.agreements.title')}
      </Heading>
      <Paragraph>{police ? t('police.agreements.intro', { organization: user.organizationName }) : t('police.agreements.partyIntro', { organization: user.organizationName })}</Paragraph>
      <LiveNotice updated={updated} />
      {agreements.map((a) => (
        <LiveFollow key={a.id} subscription={PoliceAgreementChangedDocument} variables={{ id: a.id }} onPush={onPush} />
      ))}
      {police && (
        <div className="kom-actions">
          <Button onClick={() => navigate('/police/agreements/new')}>{t('police.agreements.new')}</Button>
        </div>
      )}
      {loading && !data && <Loading />}
      {error && !data && <ErrorState onRetry={() => void refetch()} />}
      {data && agreements.length === 0 && <Empty>{t('police.agreements.none')}</Empty>}
      {agreements.length > 0 && (
        <TableScroll label={t('police.agreements.title')}>
          <Table>
            <caption className="kom-visually-hidden">{t('police.agreements.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('ngo.agreements.column.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ngo.agreements.column.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('police.agreements.column.version')}</Table.HeaderCell>
                <Table.HeaderCell>{t('police.agreements.column.missing')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ngo.agreements.column.expires')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {agreements.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <AppLink to={linkTo(a.id)}>
                      {/* An agreement's title is its binding Norwegian text, also on an English page. */}
                      <span lang="nb">{a.title}</span>
                    </AppLink>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color="info">{a.statusLabel}</Tag>
                  </Table.Cell>
                  <Table.Cell>{a.currentVersion.number}</Table.Cell>
                  <Table.Cell>{a.currentVersion.missingSignatures.length}</Table.Cell>
                  <Table.Cell>{a.expiresOn ? formatDate(a.expiresOn, language) : t('ngo.agreements.noExpiry')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
