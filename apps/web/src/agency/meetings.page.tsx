import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { LiveFollow, LiveNotice, useLiveRefetch } from '../components/live-notice';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTitle } from '../components/use-title';
import { AgencyAgendaDocument, AgencyMeetingChangedDocument, AgencyMeetingsDocument } from '../gql/graphql';
import { documentHref } from '../documents/links';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { namesOf } from '../audit/labels';
import { measureNumbersText } from '../components/measure-catalogue';

/** What a pushed change to a meeting reads again: the list (schedule, status, publication) and the agendas shown. */
const LIVE_QUERIES = [AgencyMeetingsDocument, AgencyAgendaDocument];

/** Agencies sit in the project group, and both groups meet jointly. */
const AGENCY_BODIES = new Set(['PROJECT_GROUP', 'JOINT']);

function Agenda({ meetingId, title }: { meetingId: string; title: string }) {
  const { t, language } = useI18n();
  const { data, loading, error } = useQuery(AgencyAgendaDocument, { variables: { id: meetingId } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <Paragraph>{t('agency.meetings.agendaUnavailable')}</Paragraph>;
  const name = namesOf(data?.organizations);
  const agenda = data?.meeting?.agenda ?? [];
  const items = agenda.filter((item) => !item.removedByAmendment);
  const removed = agenda.filter((item) => item.removedByAmendment);
  return (
    <>
      {items.length === 0 ? (
        <Paragraph>{t('agency.meetings.agendaEmpty')}</Paragraph>
      ) : (
        <List.Ordered>
          {items.map((item) => (
            <List.Item key={item.id}>
              <strong>{item.title}</strong>
              {item.addedByAmendment && (
                <>
                  {' '}
                  <Tag data-color="warning">{t('agency.meetings.mark.added')}</Tag>
                </>
              )}
              {!item.addedByAmendment && item.updatedByAmendment && (
                <>
                  {' '}
                  <Tag data-color="warning">{t('agency.meetings.mark.updated')}</Tag>
                </>
              )}
              {item.presentingOrganizationId && ` — ${t('agency.meetings.presentedBy', { organization: name(item.presentingOrganizationId) })}`}
              {item.citedMeasureRefs.length > 0 && ` (${t('agency.meetings.measures', { measures: measureNumbersText(item.citedMeasureRefs) })})`}
              {item.description && <Paragraph data-size="sm">{item.description}</Paragraph>}
            </List.Item>
          ))}
        </List.Ordered>
      )}
      {removed.length > 0 && (
        <List.Unordered aria-label={t('agency.meetings.mark.removed')}>
          {removed.map((item) => (
            <List.Item key={item.id}>
              <Tag data-color="neutral">{t('agency.meetings.mark.removed')}</Tag> <del>{item.title}</del>
              {item.removalReason && <Paragraph data-size="sm">{t('agency.meetings.removedReason', { reason: item.removalReason })}</Paragraph>}
            </List.Item>
          ))}
        </List.Unordered>
      )}
      <Paragraph data-size="sm">
        <Link href={documentHref('agenda', 'pdf', { meetingId }, language)}>{t('agency.meetings.agendaPdf', { title })}</Link>
      </Paragraph>
    </>
  );
}

/** The agency's next meetings (project group and joint), each with its published agenda; each shown meeting is followed live. */
export function AgencyMeetingsPage() {
  const { t, lang, language } = useI18n();
  useTitle(t('agency.meetings.title'));
  // Fixed for the page's life (a new instant every render would be a new query every render).
  const [from] = useState(() => new Date().toISOString());
  const { data, loading, error, refetch } = useQuery(AgencyMeetingsDocument, { variables: { from, lang } });
  const meetings = (data?.meetings.edges.map((e) => e.node) ?? []).filter((m) => AGENCY_BODIES.has(m.kind) && m.status !== 'CANCELLED').slice(0, 6);
  const [updated, onPush] = useLiveRefetch(LIVE_QUERIES, t('live.what.meetings'));
  return (
    <section aria-labelledby="agency-meetings-title" className="kom-stack">
      <Heading level={1} id="agency-meetings-title">
        {t('agency.meetings.title')}
      </Heading>
      <Paragraph>{t('agency.meetings.intro')}</Paragraph>
      <LiveNotice updated={updated} />
      {meetings.map((m) => (
        <LiveFollow key={m.id} subscription={AgencyMeetingChangedDocument} variables={{ id: m.id }} onPush={onPush} />
      ))}
      {loading && !data && <Loading />}
      {error && !data && <ErrorState onRetry={() => void refetch()} />}
      {data && meetings.length === 0 && <Empty>{t('agency.meetings.none')}</Empty>}
      {meetings.map((m) => (
        <Card key={m.id} data-color="neutral">
          <Heading level={2} data-size="sm">
            {m.title}
          </Heading>
          <Paragraph>
            {t('agency.meetings.when', { body: m.kindLabel, when: formatDateTime(m.startsAt, language), where: m.location ?? t('agency.meetings.noLocation') })}{' '}
            <Tag data-color="info">{m.statusLabel}</Tag>
          </Paragraph>
          {m.agendaPublishedAt ? <Agenda meetingId={m.id} title={m.title} /> : <Paragraph>{t('agency.meetings.notPublished')}</Paragraph>}
        </Card>
      ))}
    </section>
  );
}
