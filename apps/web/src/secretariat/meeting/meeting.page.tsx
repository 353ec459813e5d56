import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { LiveNotice } from '../../components/live-notice';
import { AppLink } from '../../components/router-link';
import { useFocusBack } from '../../components/use-focus-back';
import { useKeptState } from '../../components/use-kept-state';
import { Loading, PageError } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { SecretariatMeetingBodyDocument, SecretariatMeetingChangedDocument, SecretariatMeetingDocument } from '../../gql/graphql';
import { formatDate, formatDateTime, osloParts } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Attendance } from './attendance';
import { DecisionCard } from './decision-card';
import { DecisionForm } from './decision-form';
import { Minutes } from './minutes';
import { RevokeDecision } from './revoke';
import type { AgendaItem as AgendaItemRecord, MeetingContext, Org } from './shared';
import { measureNumbersText } from '../../components/measure-catalogue';
import { Notice } from '../../components/notice';

const YEAR = 365 * 24 * 3600_000;

/** Whether the meeting has begun, by this browser's clock (the server decides; this only says why a box is off). */
function useStarted(startsAt: string | undefined): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return startsAt !== undefined && now >= Date.parse(startsAt);
}

function AgendaItem({ context, item, position }: { context: MeetingContext; item: AgendaItemRecord; position: number }) {
  const { t } = useI18n();
  const [deciding, setDeciding] = useKeptState(`decision.${item.id}.open`, false);
  const opener = useFocusBack<HTMLButtonElement>(deciding);
  const [openedByPerson, setOpenedByPerson] = useState(false);
  const { meeting } = context;
  const decisions = meeting.decisions.map((d, index) => ({ d, index })).filter(({ d }) => d.agendaItemId === item.id);
  const mayDecide = meeting.status === 'HELD' && !context.readOnly && !item.removedByAmendment;
  const id = `item-${item.id}`;
  return (
    <li className="kom-stack">
      <article aria-labelledby={id} className="kom-stack">
        <Heading level={3} data-size="xs" id={id}>
          {t('secretariat.meeting.item.heading', { number: position + 1, title: item.title })}
        </Heading>
        {item.removedByAmendment && <Paragraph data-size="sm">{t('secretariat.meeting.item.removed')}</Paragraph>}
        {item.description && <Paragraph>{item.description}</Paragraph>}
        <Paragraph data-size="sm">
          {[
            item.presentingOrganizationId ? t('secretariat.meeting.item.presenter', { organization: context.names.get(item.presentingOrganizationId) ?? item.presentingOrganizationId }) : '',
            item.citedMeasureRefs.length ? t('secretariat.meeting.measures', { numbers: measureNumbersText(item.citedMeasureRefs) }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Paragraph>
        {decisions.length === 0 && <Paragraph data-size="sm">{t('secretariat.meeting.item.noDecisions')}</Paragraph>}
        {decisions.map(({ d, index }) => (
          <DecisionCard key={d.id} context={context} decision={d} index={index} />
        ))}
        {mayDecide &&
          (deciding ? (
            <DecisionForm context={context} item={item} focusOnOpen={openedByPerson} onDone={() => (setDeciding(false), setOpenedByPerson(false))} />
          ) : (
            <div>
              <Button ref={opener} variant="secondary" onClick={() => (setDeciding(true), setOpenedByPerson(true))} aria-label={t('secretariat.meeting.decision.newFor', { item: item.title })}>
                {t('secretariat.meeting.decision.add')}
              </Button>
            </div>
          ))}
      </article>
    </li>
  );
}

/**
 * One meeting, during and after it: header, agenda in order with the decisions on each item,
 * attendance, positions, action items, revoking earlier decisions, and the minutes. Changes made
 * elsewhere (an agency's position) arrive live through meetingChanged.
 */
export function MeetingPage() {
  const { t, lang, language } = useI18n();
  const { meetingId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(SecretariatMeetingDocument, { variables: { id: meetingId, lang }, fetchPolicy: 'cache-and-network' });
  // The pushed meeting lands in the cache under its id, so the page above re-renders with it.
  useSubscription(SecretariatMeetingChangedDocument, { variables: { id: meetingId, lang } });
  const meeting = data?.meeting ?? undefined;
  const body = useQuery(SecretariatMeetingBodyDocument, {
    skip: !meeting,
    variables: {
      day: meeting ? osloParts(meeting.startsAt).day : '',
      kind: meeting?.kind ?? 'PROJECT_GROUP',
      from: meeting ? new Date(Date.parse(meeting.startsAt) - 2 * YEAR).toISOString() : '',
      lang,
    },
  });
  const started = useStarted(meeting?.startsAt);
  const [message, setMessage] = useState<string | undefined>();
  useTitle(meeting?.title ?? t('secretariat.meeting.title'));

  if ((loading && !data) || (meeting && body.loading && !body.data)) return <Loading />;
  if (error && !data) return <PageError title={t('secretariat.meeting.title')} error={error} onRetry={() => void refetch()} />;
  if (body.error && !body.data) return <PageError title={t('secretariat.meeting.title')} error={body.error} onRetry={() => void body.refetch()} />;
  if (!meeting || !data) {
    return (
      <section aria-labelledby="meeting-missing">
        <Heading level={1} id="meeting-missing">
          {t('secretariat.meeting.missing')}
        </Heading>
        <AppLink to="/secretariat/calendar">{t('secretariat.meeting.back')}</AppLink>
      </section>
    );
  }

  const names = new Map(data.organizations.edges.map((e) => [e.node.id, e.node.name]));
  const project = body.data?.project.members ?? [];
  const reference = body.data?.reference.members ?? [];
  const byId = new Map<string, Org>();
  for (const org of meeting.kind === 'PROJECT_GROUP' ? project : meeting.kind === 'REFERENCE_GROUP' ? reference : [...project, ...reference]) byId.set(org.id, org);
  const members = [...byId.values()];
  const attendees = meeting.attendance.map((a) => ({ id: a.organizationId, name: names.get(a.organizationId) ?? a.organizationId })).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const readOnly = meeting.minutesStatus === 'APPROVED';
  const context: MeetingContext = {
    meeting,
    names,
    members,
    attendees,
    plans: data.actionPlans,
    positionLabels: data.positions,
    bodyMeetings: body.data?.bodyMeetings.edges.map((e) => e.node) ?? [],
    readOnly,
    announce: setMessage,
    refresh: () => refetch(),
  };
  const agenda = meeting.agenda ?? [];

  return (
    <section aria-labelledby="meeting-page-title" className="kom-stack">
      <AppLink to="/secretariat/calendar">{t('secretariat.meeting.back')}</AppLink>
      <Heading level={1} id="meeting-page-title">
        {meeting.title}
      </Heading>
      <dl className="kom-facts">
        <dt>{t('secretariat.meeting.body')}</dt>
        <dd>{meeting.kindLabel}</dd>
        <dt>{t('secretariat.meeting.when')}</dt>
        <dd>{t('secretariat.meeting.whenValue', { start: formatDateTime(meeting.startsAt, language), end: osloParts(meeting.endsAt).time })}</dd>
        <dt>{t('secretariat.meeting.place')}</dt>
        <dd>{[meeting.location, meeting.videoLink].filter(Boolean).join(' · ')}</dd>
        <dt>{t('secretariat.meeting.status')}</dt>
        <dd>
          <Tag data-color={meeting.status === 'CANCELLED' ? 'neutral' : meeting.status === 'HELD' ? 'success' : 'info'}>{meeting.statusLabel}</Tag>
        </dd>
        <dt>{t('secretariat.meeting.minutesStatus')}</dt>
        <dd>{meeting.minutesStatusLabel}</dd>
      </dl>
      <LiveNotice />
      <Notice tone="success" text={message} />
      {readOnly && (
        <Alert data-color="info">
          <Paragraph>{t('secretariat.meeting.readOnly')}</Paragraph>
        </Alert>
      )}
      {meeting.status === 'CANCELLED' && (
        <Alert data-color="warning">
          <Paragraph>{t('secretariat.meeting.cancelled', { reason: meeting.cancelledReason ?? '' })}</Paragraph>
        </Alert>
      )}

      <Attendance context={context} started={started} />

      <section aria-labelledby="agenda-title" className="kom-stack">
        <Heading level={2} data-size="sm" id="agenda-title">
          {t('secretariat.meeting.agenda.title')}
        </Heading>
        <Paragraph data-size="sm">
          {meeting.agendaPublishedAt
            ? t('secretariat.meeting.agenda.published', { when: formatDate(meeting.agendaPublishedAt, language) })
            : t('secretariat.meeting.agenda.draft')}{' '}
          {!readOnly && meeting.status !== 'CANCELLED' && <AppLink to={`/secretariat/meetings/${meeting.id}/agenda`}>{t('secretariat.meeting.agenda.edit')}</AppLink>}
        </Paragraph>
        {meeting.status !== 'HELD' && meeting.status !== 'CANCELLED' && <Paragraph data-size="sm">{t('secretariat.meeting.agenda.decideWhenHeld')}</Paragraph>}
        {agenda.length === 0 ? (
          <Paragraph>{t('secretariat.meeting.agenda.empty')}</Paragraph>
        ) : (
          <ol className="kom-meeting-agenda">
            {agenda.map((item, position) => (
              <AgendaItem key={item.id} context={context} item={item} position={position} />
            ))}
          </ol>
        )}
      </section>

      {meeting.status === 'HELD' && !readOnly && <RevokeDecision context={context} />}

      <Minutes key={meeting.id} context={context} />
    </section>
  );
}
