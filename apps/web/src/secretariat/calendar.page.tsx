import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkbox, Field, Heading, Label, List, Paragraph, Radio, Select, Table, Tag, Textfield, ToggleGroup } from '@digdir/designsystemet-react';
import { refusalOf } from '../apollo/refusal';
import { ConfirmDialog } from '../components/confirm-dialog';
import { AppLink } from '../components/router-link';
import { Empty, Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import {
  SecretariatCalendarDocument,
  SecretariatCancelMeetingDocument,
  SecretariatPlanSeriesDocument,
  SecretariatRescheduleDocument,
  SecretariatScheduleMeetingDocument,
  type MeetingKind,
  type SecretariatCalendarQuery,
} from '../gql/graphql';
import { formatDate, formatDateTime, osloInstant, osloParts, osloToday } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { seriesDates } from './series';
import { TableScroll } from '../components/table-scroll';
import { MessageNotices, Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';
import { useKeptState } from '../components/use-kept-state';

type Meeting = SecretariatCalendarQuery['meetings']['edges'][number]['node'];
const monthOf = (iso: string) => osloParts(iso).day.slice(0, 7);

/** A month as weeks of seven days (Monday first), for the month view. */
function weeksOf(month: string): Array<Array<string | null>> {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: Array<string | null> = [...Array(firstWeekday).fill(null), ...Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

function NewMeeting({ bodies, onMade }: { bodies: SecretariatCalendarQuery['bodies']; onMade: (text: string) => void }) {
  const { t, language } = useI18n();
  const [kind, setKind] = useKeptState<MeetingKind>('schedule.kind', 'PROJECT_GROUP');
  const [title, setTitle] = useKeptState('schedule.title', '');
  const [day, setDay] = useKeptState('schedule.day', '');
  const [start, setStart] = useKeptState('schedule.start', '09:00');
  const [end, setEnd] = useKeptState('schedule.end', '11:00');
  const [location, setLocation] = useKeptState('schedule.location', '');
  const [videoLink, setVideoLink] = useKeptState('schedule.videoLink', '');
  const [repeat, setRepeat] = useState(false);
  const [until, setUntil] = useKeptState('schedule.until', '');
  const [errors, setErrors] = useState<Partial<Record<'title' | 'day' | 'end' | 'until' | 'place' | 'form', string>>>({});
  const [confirming, setConfirming] = useState(false);
  const [schedule, scheduling] = useMutation(SecretariatScheduleMeetingDocument);
  const [plan, planning] = useMutation(SecretariatPlanSeriesDocument);
  const dates = repeat && day && until ? seriesDates(kind, day, until) : day ? [day] : [];

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!title.trim()) found.title = t('refusal.TITLE_REQUIRED');
    if (!day) found.day = t('secretariat.calendar.form.dayRequired');
    else if (day < osloToday()) found.day = t('refusal.MEETING_IN_THE_PAST');
    if (end <= start) found.end = t('secretariat.calendar.form.endAfterStart');
    if (!location.trim() && !videoLink.trim()) found.place = t('refusal.PLACE_REQUIRED');
    if (repeat && (!until || until < day)) found.until = t('secretariat.calendar.form.untilAfter');
    setErrors(found);
    if (Object.keys(found).length === 0) setConfirming(true);
  };
  const make = async () => {
    const startsAt = osloInstant(day, start);
    const endsAt = osloInstant(day, end);
    try {
      if (repeat && dates.length > 1) {
        await plan({ variables: { input: { kind, title: title.trim(), firstStartsAt: startsAt, firstEndsAt: endsAt, count: dates.length, location: location.trim() || null, videoLink: videoLink.trim() || null } } });
      } else {
        await schedule({ variables: { input: { kind, title: title.trim(), startsAt, endsAt, location: location.trim() || null, videoLink: videoLink.trim() || null } } });
      }
      setConfirming(false);
      setTitle('');
      onMade(t('secretariat.calendar.made', { count: dates.length }));
    } catch (e) {
      setConfirming(false);
      setErrors({ form: t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic') });
    }
  };
  return (
    <>
    <form onSubmit={check} className="kom-form" aria-labelledby="new-meeting-title" noValidate>
      <Heading level={2} id="new-meeting-title">
        {t('secretariat.calendar.new')}
      </Heading>
      <Field>
        <Label>{t('secretariat.calendar.form.body')}</Label>
        <Select value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
          {bodies.map((b) => (
            <Select.Option key={b.key} value={b.key}>
              {b[language]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield label={t('secretariat.calendar.form.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <div className="kom-filters">
        <Textfield type="date" label={t('secretariat.calendar.form.day')} value={day} onChange={(e) => setDay(e.target.value)} error={errors.day} />
        <Textfield type="time" label={t('secretariat.calendar.form.start')} value={start} onChange={(e) => setStart(e.target.value)} />
        <Textfield type="time" label={t('secretariat.calendar.form.end')} value={end} onChange={(e) => setEnd(e.target.value)} error={errors.end} />
      </div>
      <Textfield label={t('secretariat.calendar.form.location')} value={location} onChange={(e) => setLocation(e.target.value)} error={errors.place} />
      <Textfield type="url" label={t('secretariat.calendar.form.videoLink')} description={t('secretariat.calendar.form.placeHint')} value={videoLink} onChange={(e) => setVideoLink(e.target.value)} />
      <Checkbox
        label={kind === 'JOINT' ? t('secretariat.calendar.form.repeatHalfYearly') : t('secretariat.calendar.form.repeatMonthly')}
        checked={repeat}
        onChange={(e) => setRepeat(e.target.checked)}
      />
      {repeat && <Textfield type="date" label={t('secretariat.calendar.form.until')} description={t('secretariat.calendar.form.untilHint')} value={until} onChange={(e) => setUntil(e.target.value)} error={errors.until} />}
      <Notice tone="danger" text={errors.form} />
      <div className="kom-actions">
        <SteadyButton type="submit" unavailable={scheduling.loading || planning.loading}>
          {t('secretariat.calendar.form.review')}
        </SteadyButton>
      </div>
    </form>
      <ConfirmDialog
        open={confirming}
        title={t('secretariat.calendar.confirm.title', { count: dates.length })}
        consequence={t('secretariat.calendar.confirm.body', { title: title.trim(), start, end })}
        confirmLabel={t('secretariat.calendar.confirm.action', { count: dates.length })}
        busy={scheduling.loading || planning.loading}
        onConfirm={() => void make()}
        onCancel={() => setConfirming(false)}
      >
        <List.Unordered>
          {dates.map((d) => (
            <List.Item key={d}>{formatDate(d, language)}</List.Item>
          ))}
        </List.Unordered>
      </ConfirmDialog>
    </>
  );
}

/** The secretariat's calendar: every body's meetings as a list or a month, made, moved and cancelled here. */
export function CalendarPage() {
  const { t, lang, language } = useI18n();
  useTitle(t('secretariat.calendar.title'));
  const [from] = useState(() => new Date(Date.now() - 31 * 24 * 3600_000).toISOString());
  const { data, loading, error, refetch } = useQuery(SecretariatCalendarDocument, { variables: { from, lang }, fetchPolicy: 'cache-and-network' });
  const [view, setView] = useState<'list' | 'month'>('list');
  const [month, setMonth] = useState(osloToday().slice(0, 7));
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | undefined>();
  const [moving, setMoving] = useKeptState<{ meeting: Meeting; day: string; start: string; end: string } | undefined>('moving', undefined);
  const [cancelling, setCancelling] = useKeptState<Meeting | undefined>('cancelling', undefined);
  const [cancelRest, setCancelRest] = useState(false);
  const [reason, setReason] = useKeptState('cancel.reason', '');
  const [reschedule] = useMutation(SecretariatRescheduleDocument);
  const [cancel, cancelMutation] = useMutation(SecretariatCancelMeetingDocument);

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('secretariat.calendar.title')} error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const meetings = data.meetings.edges.map((e) => e.node);
  const upcoming = meetings.filter((m) => m.status !== 'CANCELLED');
  // This meeting, and the later ones of its series that have not been held or cancelled.
  const restOf = (m: Meeting) =>
    upcoming.filter(
      (o) => o.id === m.id || (m.seriesId !== null && o.seriesId === m.seriesId && (o.seriesIndex ?? 0) > (m.seriesIndex ?? 0) && (o.status === 'SCHEDULED' || o.status === 'PUBLISHED')),
    );
  const affected = cancelling ? (cancelRest ? restOf(cancelling) : [cancelling]) : [];
  const done = async (text: string) => {
    setMessage({ kind: 'success', text });
    await refetch();
  };
  const refused = (e: unknown) => setMessage({ kind: 'danger', text: t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic') });

  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!moving) return;
    try {
      await reschedule({
        variables: {
          input: { meetingId: moving.meeting.id, startsAt: osloInstant(moving.day, moving.start), endsAt: osloInstant(moving.day, moving.end), expectedRevision: moving.meeting.revision },
        },
      });
      setMoving(undefined);
      await done(t('secretariat.calendar.moved', { title: moving.meeting.title, when: formatDate(moving.day, language) }));
    } catch (e) {
      refused(e);
    }
  };
  const confirmCancel = async () => {
    const list = affected;
    setCancelling(undefined);
    let cancelled = 0;
    try {
      for (const m of list) {
        await cancel({ variables: { input: { meetingId: m.id, reason: reason.trim(), expectedRevision: m.revision } } });
        cancelled += 1;
      }
      setReason('');
      await done(t('secretariat.calendar.cancelled', { count: cancelled }));
    } catch (e) {
      refused(e);
      await refetch();
    }
  };
  const row = (m: Meeting) => (
    <Table.Row key={m.id}>
      <Table.Cell>{formatDateTime(m.startsAt, language)}</Table.Cell>
      <Table.Cell>
        <AppLink to={`/secretariat/meetings/${m.id}`}>{m.title}</AppLink>
        {m.seriesId && <Paragraph data-size="xs">{t('secretariat.calendar.inSeries', { index: (m.seriesIndex ?? 0) + 1 })}</Paragraph>}
      </Table.Cell>
      <Table.Cell>{m.kindLabel}</Table.Cell>
      <Table.Cell>
        <Tag data-color={m.status === 'CANCELLED' ? 'neutral' : 'info'}>{m.statusLabel}</Tag>
      </Table.Cell>
      <Table.Cell>
        {m.status === 'SCHEDULED' || m.status === 'PUBLISHED' ? (
          <div className="kom-actions">
            <AppLink to={`/secretariat/meetings/${m.id}/agenda`} label={t('secretariat.calendar.agendaOf', { title: m.title })}>
              {t('secretariat.calendar.agenda')}
            </AppLink>
            <Button variant="secondary" data-size="sm" onClick={() => setMoving({ meeting: m, ...osloParts(m.startsAt), start: osloParts(m.startsAt).time, end: osloParts(m.endsAt).time })} aria-label={t('secretariat.calendar.moveOne', { title: m.title })}>
              {t('secretariat.calendar.move')}
            </Button>
            <Button variant="secondary" data-color="danger" data-size="sm" onClick={() => (setCancelRest(false), setCancelling(m))} aria-label={t('secretariat.calendar.cancelOne', { title: m.title })}>
              {t('secretariat.calendar.cancel')}
            </Button>
          </div>
        ) : null}
      </Table.Cell>
    </Table.Row>
  );
  const byMonth = new Map<string, Meeting[]>();
  for (const m of meetings) byMonth.set(monthOf(m.startsAt), [...(byMonth.get(monthOf(m.startsAt)) ?? []), m]);
  const monthName = (key: string) => new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${key}-15T12:00:00Z`));
  const shiftMonth = (delta: number) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const d = new Date(Date.UTC(y, m - 1 + delta, 1));
    setMonth(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  };

  return (
    <section aria-labelledby="calendar-page-title" className="kom-stack">
      <Heading level={1} id="calendar-page-title">
        {t('secretariat.calendar.title')}
      </Heading>
      <Paragraph>{t('secretariat.calendar.intro')}</Paragraph>
      <MessageNotices message={message} />
      <ToggleGroup value={view} onChange={(v) => setView(v as 'list' | 'month')} aria-label={t('secretariat.calendar.view')}>
        <ToggleGroup.Item value="list">{t('secretariat.calendar.view.list')}</ToggleGroup.Item>
        <ToggleGroup.Item value="month">{t('secretariat.calendar.view.month')}</ToggleGroup.Item>
      </ToggleGroup>
      {view === 'list' &&
        (meetings.length === 0 ? (
          <Empty>{t('secretariat.calendar.none')}</Empty>
        ) : (
          [...byMonth.entries()].map(([key, list]) => (
            <section key={key} aria-labelledby={`month-${key}`}>
              <Heading level={2} data-size="sm" id={`month-${key}`}>
                {monthName(key)}
              </Heading>
              <TableScroll label={monthName(key)}>
                <Table>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('secretariat.calendar.column.when')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('secretariat.calendar.column.meeting')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('secretariat.calendar.column.body')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('secretariat.calendar.column.status')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('secretariat.calendar.column.actions')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>{list.map(row)}</Table.Body>
                </Table>
              </TableScroll>
            </section>
          ))
        ))}
      {view === 'month' && (
        <section aria-labelledby="month-view-title" className="kom-stack">
          <div className="kom-actions">
            <Button variant="secondary" data-size="sm" onClick={() => shiftMonth(-1)}>
              {t('secretariat.calendar.previousMonth')}
            </Button>
            <Heading level={2} data-size="sm" id="month-view-title">
              {monthName(month)}
            </Heading>
            <Button variant="secondary" data-size="sm" onClick={() => shiftMonth(1)}>
              {t('secretariat.calendar.nextMonth')}
            </Button>
          </div>
          <TableScroll label={monthName(month)}>
            <Table className="kom-month">
              <caption className="kom-visually-hidden">{monthName(month)}</caption>
              <Table.Head>
                <Table.Row>
                  {[0, 1, 2, 3, 4, 5, 6].map((d) => (
                    <Table.HeaderCell key={d}>{new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + d)))}</Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {weeksOf(month).map((week, w) => (
                  <Table.Row key={w}>
                    {week.map((d, i) => (
                      <Table.Cell key={d ?? `empty-${w}-${i}`}>
                        {d && (
                          <>
                            <span className="kom-day">{Number(d.slice(8))}</span>
                            {meetings
                              .filter((m) => osloParts(m.startsAt).day === d)
                              .map((m) => (
                                <Paragraph key={m.id} data-size="xs" className={m.status === 'CANCELLED' ? 'kom-cancelled' : undefined}>
                                  {t('secretariat.calendar.cell', { time: osloParts(m.startsAt).time, title: m.title, status: m.status === 'CANCELLED' ? m.statusLabel : '' })}
                                </Paragraph>
                              ))}
                          </>
                        )}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </section>
      )}

      {moving && (
        <form onSubmit={(e) => void move(e)} className="kom-form" aria-labelledby="move-title">
          <Heading level={2} id="move-title">
            {t('secretariat.calendar.moveTitle', { title: moving.meeting.title })}
          </Heading>
          <div className="kom-filters">
            <Textfield type="date" label={t('secretariat.calendar.form.day')} value={moving.day} onChange={(e) => setMoving({ ...moving, day: e.target.value })} />
            <Textfield type="time" label={t('secretariat.calendar.form.start')} value={moving.start} onChange={(e) => setMoving({ ...moving, start: e.target.value })} />
            <Textfield type="time" label={t('secretariat.calendar.form.end')} value={moving.end} onChange={(e) => setMoving({ ...moving, end: e.target.value })} />
          </div>
          <Paragraph data-size="sm">{t('secretariat.calendar.moveConsequence')}</Paragraph>
          <div className="kom-actions">
            <Button type="submit">{t('secretariat.calendar.moveSave')}</Button>
            <Button type="button" variant="secondary" onClick={() => setMoving(undefined)}>
              {t('action.cancel')}
            </Button>
          </div>
        </form>
      )}

      <NewMeeting bodies={data.bodies} onMade={(text) => void done(text)} />

      <ConfirmDialog
        open={cancelling !== undefined}
        title={t('secretariat.calendar.cancelConfirm.title')}
        consequence={t('secretariat.calendar.cancelConfirm.body', { count: affected.length })}
        confirmLabel={t('secretariat.calendar.cancelConfirm.action', { count: affected.length })}
        busy={cancelMutation.loading || reason.trim() === ''}
        onConfirm={() => void confirmCancel()}
        onCancel={() => setCancelling(undefined)}
      >
        {cancelling?.seriesId && (
          <fieldset className="kom-stack">
            <legend>{t('secretariat.calendar.cancelWhich')}</legend>
            <Radio name="cancel-scope" value="one" label={t('secretariat.calendar.cancelThis')} checked={!cancelRest} onChange={() => setCancelRest(false)} />
            <Radio name="cancel-scope" value="rest" label={t('secretariat.calendar.cancelRest', { count: cancelling ? restOf(cancelling).length : 0 })} checked={cancelRest} onChange={() => setCancelRest(true)} />
          </fieldset>
        )}
        <List.Unordered>
          {affected.map((m) => (
            <List.Item key={m.id}>{t('secretariat.calendar.affected', { title: m.title, when: formatDateTime(m.startsAt, language) })}</List.Item>
          ))}
        </List.Unordered>
        <Textfield multiline rows={2} label={t('secretariat.calendar.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </ConfirmDialog>
    </section>
  );
}
