import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Fieldset, Heading, Paragraph, Radio, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { refusalOf } from '../apollo/refusal';
import { useKeptState } from '../components/use-kept-state';
import { useUser } from '../auth/session-context';
import { LiveFollow, LiveNotice, useLiveRefetch } from '../components/live-notice';
import { recorderText } from '../components/signer';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTitle } from '../components/use-title';
import {
  AgencyDecisionsDocument,
  AgencyFollowedMeetingsDocument,
  AgencyMeetingChangedDocument,
  AgencyRecordPositionDocument,
  type AgencyDecisionsQuery,
  type Position,
} from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Translate } from '../i18n/translate';
import { Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';

type Decision = AgencyDecisionsQuery['decisions']['edges'][number]['node'];
const POSITIONS: readonly Position[] = ['SUPPORTS', 'ABSTAINS', 'OBJECTS'];
/** What a pushed change to a followed meeting reads again: the decisions and which meetings to follow. */
const LIVE_QUERIES = [AgencyDecisionsDocument, AgencyFollowedMeetingsDocument];
const DAY = 24 * 3600_000;

/** The organisation's position and, when recorded, who recorded it: "Støtter (ført av Per Politi)". */
function ourPosition(t: Translate, mine: Decision['positions'][number] | undefined): string {
  if (!mine) return t('agency.decisions.noPosition');
  const by = recorderText(t, mine.representative);
  return by ? `${mine.positionLabel} (${by})` : mine.positionLabel;
}

function PositionForm({ decision, labels }: { decision: Decision; labels: AgencyDecisionsQuery['positions'] }) {
  const { t, lang, language } = useI18n();
  const user = useUser();
  const mine = decision.positions.find((p) => p.organizationId === user.organizationId);
  const [position, setPosition, positionSaved] = useKeptState<Position | ''>(`position.${decision.id}`, mine?.position ?? '');
  const [reason, setReason, reasonSaved] = useKeptState(`position.${decision.id}.reason`, mine?.reason ?? '');
  const [error, setError] = useState<{ field: 'position' | 'reason' | 'form'; text: string } | undefined>();
  const [saved, setSaved] = useState(false);
  // The position as the server last showed it. When it changes elsewhere (a live push), an untouched
  // form follows it; a form the user has begun to change keeps what they chose and typed, and says so.
  const serverPosition = `${mine?.position ?? ''}|${mine?.reason ?? ''}`;
  const [seen, setSeen] = useState(serverPosition);
  const [touched, setTouched] = useKeptState(`position.${decision.id}.touched`, false);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  if (serverPosition !== seen) {
    setSeen(serverPosition);
    if (touched) setChangedMeanwhile(true);
    else {
      setPosition(mine?.position ?? '');
      setReason(mine?.reason ?? '');
    }
  }
  const [record, recording] = useMutation(AgencyRecordPositionDocument);
  const id = `position-${decision.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!position) return setError({ field: 'position', text: t('agency.decisions.choose') });
    if (position === 'OBJECTS' && reason.trim() === '') return setError({ field: 'reason', text: t('refusal.OBJECTION_NEEDS_REASON') });
    setError(undefined);
    try {
      await record({ variables: { input: { decisionId: decision.id, organizationId: user.organizationId, position, reason: reason.trim() || null }, lang } });
      setSaved(true);
      positionSaved(position);
      reasonSaved(reason);
      setTouched(false);
      setChangedMeanwhile(false);
    } catch (e) {
      const refusal = refusalOf(e);
      const text = t.maybe(`refusal.${refusal?.reason}`) ?? t('refusal.generic');
      setError({ field: refusal?.reason === 'OBJECTION_NEEDS_REASON' ? 'reason' : 'form', text });
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="kom-form" aria-labelledby={`${id}-legend`}>
      <Fieldset aria-describedby={error?.field === 'position' ? `${id}-error` : undefined}>
        <Fieldset.Legend id={`${id}-legend`}>{t('agency.decisions.yourPosition')}</Fieldset.Legend>
        {mine?.representative && <Fieldset.Description>{t('agency.decisions.saved.by', { position: mine.positionLabel, by: recorderText(t, mine.representative) })}</Fieldset.Description>}
        {POSITIONS.map((key) => (
          <Radio
            key={key}
            name={id}
            value={key}
            label={labels.find((l) => l.key === key)?.[language] ?? key}
            checked={position === key}
            onChange={() => {
              setTouched(true);
              setPosition(key);
            }}
          />
        ))}
        {error?.field === 'position' && <ValidationMessage id={`${id}-error`}>{error.text}</ValidationMessage>}
      </Fieldset>
      <Textfield
        multiline
        rows={2}
        label={t('agency.decisions.reason')}
        description={t('agency.decisions.reasonHint')}
        value={reason}
        onChange={(e) => {
          setTouched(true);
          setReason(e.target.value);
        }}
        error={error?.field === 'reason' ? error.text : undefined}
      />
      <Notice tone="warning" text={changedMeanwhile ? t('agency.decisions.changedMeanwhile', { organization: user.organizationName, position: mine?.positionLabel ?? t('agency.decisions.noPosition') }) : undefined} />
      <Notice tone="danger" text={error?.field === 'form' ? error.text : undefined} />
      <div className="kom-actions">
        <SteadyButton type="submit" unavailable={recording.loading}>
          {t('agency.decisions.save')}
        </SteadyButton>
      </div>
      <div role="status">{saved && <Paragraph>{t('agency.decisions.saved')}</Paragraph>}</div>
    </form>
  );
}

/**
 * Recent decisions of meetings the agency attended: read them and record its position (support,
 * dissent with reason, abstain). The meetings of the period (to tomorrow) are followed live, so a
 * decision recorded or a position changed elsewhere shows without a reload.
 */
export function AgencyDecisionsPage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  useTitle(t('agency.decisions.title'));
  const [from] = useState(() => new Date(Date.now() - 180 * 24 * 3600_000).toISOString());
  const { data, loading, error, refetch } = useQuery(AgencyDecisionsDocument, { variables: { from, lang } });
  const [to] = useState(() => new Date(Date.now() + DAY).toISOString());
  const followed = useQuery(AgencyFollowedMeetingsDocument, { variables: { from, to } });
  const [updated, onPush] = useLiveRefetch(LIVE_QUERIES, t('live.what.decisions'));
  const decisions = (data?.decisions.edges.map((e) => e.node) ?? [])
    .filter((d) => d.meeting?.attendance.some((a) => a.organizationId === user.organizationId))
    .reverse();
  return (
    <section aria-labelledby="agency-decisions-title" className="kom-stack">
      <Heading level={1} id="agency-decisions-title">
        {t('agency.decisions.title')}
      </Heading>
      <Paragraph>{t('agency.decisions.intro')}</Paragraph>
      <LiveNotice updated={updated} />
      {followed.data?.meetings.edges.map(({ node }) => (
        <LiveFollow key={node.id} subscription={AgencyMeetingChangedDocument} variables={{ id: node.id }} onPush={onPush} />
      ))}
      {loading && !data && <Loading />}
      {error && !data && <ErrorState onRetry={() => void refetch()} />}
      {data && decisions.length === 0 && <Empty>{t('agency.decisions.none')}</Empty>}
      {data &&
        decisions.map((d) => {
          const open = d.status === 'ACTIVE' && d.meeting?.minutesStatus !== 'APPROVED';
          return (
            <article key={d.id} aria-labelledby={`decision-${d.id}`} className="kom-stack kom-card">
              <Heading level={2} data-size="sm" id={`decision-${d.id}`}>
                {d.text}
              </Heading>
              <Paragraph data-size="sm">
                {t('agency.decisions.taken', { meeting: d.meeting?.title ?? '', when: d.recordedAt ? formatDate(d.recordedAt, language) : '' })}{' '}
                <Tag data-color={d.status === 'ACTIVE' ? 'success' : 'warning'}>{d.statusLabel}</Tag>
              </Paragraph>
              {open ? (
                <PositionForm decision={d} labels={data.positions} />
              ) : (
                <Paragraph>
                  {t('agency.decisions.closed', { position: ourPosition(t, d.positions.find((p) => p.organizationId === user.organizationId)) })}
                </Paragraph>
              )}
            </article>
          );
        })}
    </section>
  );
}
