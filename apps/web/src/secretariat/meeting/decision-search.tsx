import { useEffect, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { Empty, ErrorState, Loading } from '../../components/states';
import { SecretariatFindDecisionsDocument, type DecisionFilter, type SecretariatFindDecisionsQuery } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { MeetingContext } from './shared';
import { measureFilter, measureNumbersText } from '../../components/measure-catalogue';
import { MeasureOptions } from '../../components/measure-options';

export type FoundDecision = SecretariatFindDecisionsQuery['decisions']['edges'][number]['node'];

/**
 * Finds an earlier, still active decision by words in its text, by meeting or by measure
 * (`decisions(filter)` on the server): one of the body's earlier meetings, or of any body for a
 * joint meeting, which speaks for both groups. No form of its own: it may sit inside another one.
 */
export function DecisionSearch({
  context,
  idPrefix,
  actionLabel,
  onPick,
  version = 0,
  headingLevel = 4,
}: {
  context: MeetingContext;
  idPrefix: string;
  /** The button on each result, naming the decision. */
  actionLabel: (decision: FoundDecision) => string;
  onPick: (decision: FoundDecision) => void;
  /** Bump to search again (after a change to the results). */
  version?: number;
  headingLevel?: 3 | 4;
}) {
  const { t, lang, language } = useI18n();
  const { meeting, bodyMeetings, plans } = context;
  const [words, setWords] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [measure, setMeasure] = useState('');
  const [filter, setFilter] = useState<DecisionFilter | undefined>();
  const earlier = bodyMeetings.filter((m) => m.startsAt < meeting.startsAt && m.status !== 'CANCELLED');
  const { data, loading, error, refetch } = useQuery(SecretariatFindDecisionsDocument, {
    skip: !filter,
    variables: { filter: filter ?? {}, lang },
    fetchPolicy: 'network-only',
  });
  useEffect(() => {
    if (version > 0 && filter) void refetch();
    // Only a new version asks again; the filter asks by itself.
  }, [version]);
  const search = () =>
    setFilter({
      status: 'ACTIVE',
      kind: meeting.kind === 'JOINT' ? null : meeting.kind,
      text: words.trim() || null,
      meetingId: meetingId || null,
      measure: null,
      ...measureFilter(measure),
    });
  const onEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    search();
  };
  // Only decisions of earlier meetings can be replaced or revoked from here.
  const found = (data?.decisions.edges.map((e) => e.node) ?? []).filter((d) => d.meeting && d.meeting.startsAt < meeting.startsAt);
  return (
    <div className="kom-stack" role="search" aria-labelledby={`${idPrefix}-search-title`}>
      <Heading level={headingLevel} data-size="xs" id={`${idPrefix}-search-title`}>
        {t('secretariat.meeting.search.title')}
      </Heading>
      <div className="kom-filters">
        <Textfield label={t('secretariat.meeting.search.words')} value={words} onChange={(e) => setWords(e.target.value)} onKeyDown={onEnter} />
        <Field>
          <Label>{t('secretariat.meeting.search.meeting')}</Label>
          <Select value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
            <Select.Option value="">{t('secretariat.meeting.search.anyMeeting')}</Select.Option>
            {earlier.map((m) => (
              <Select.Option key={m.id} value={m.id}>
                {t('secretariat.meeting.search.meetingOption', { title: m.title, when: formatDate(m.startsAt, language) })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('secretariat.meeting.search.measure')}</Label>
          <Select value={measure} onChange={(e) => setMeasure(e.target.value)}>
            <Select.Option value="">{t('secretariat.meeting.search.anyMeasure')}</Select.Option>
            <MeasureOptions plans={plans} selected={measure} />
          </Select>
        </Field>
        <Button type="button" variant="secondary" onClick={search}>
          {t('secretariat.meeting.search.action')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {filter && loading && <Loading />}
        {filter && error && <ErrorState onRetry={() => void refetch()} />}
        {filter && data && found.length === 0 && <Empty>{t('secretariat.meeting.search.none')}</Empty>}
        {filter && data && found.length > 0 && <Paragraph data-size="sm">{t('secretariat.meeting.search.count', { count: found.length })}</Paragraph>}
      </div>
      {found.length > 0 && (
        <ul className="kom-results">
          {found.map((d) => (
            <li key={d.id} className="kom-card kom-stack">
              <Paragraph>{d.text}</Paragraph>
              <Paragraph data-size="sm">
                {t('secretariat.meeting.search.takenAt', { meeting: d.meeting?.title ?? '', when: d.meeting ? formatDate(d.meeting.startsAt, language) : '' })}{' '}
                {d.citedMeasureRefs.length > 0 && t('secretariat.meeting.measures', { numbers: measureNumbersText(d.citedMeasureRefs) })} <Tag data-color="success">{d.statusLabel}</Tag>
              </Paragraph>
              <div>
                <Button type="button" variant="secondary" data-size="sm" onClick={() => onPick(d)}>
                  {actionLabel(d)}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
