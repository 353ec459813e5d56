import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { refusalOf } from '../../apollo/refusal';
import { useFocusOnOpen } from '../../components/use-focus-back';
import { useKeptState } from '../../components/use-kept-state';
import { SecretariatRecordDecisionDocument, SecretariatSupersedeDecisionDocument, type Position } from '../../gql/graphql';
import { formatDate, osloParts } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { DecisionSearch, type FoundDecision } from './decision-search';
import { asRefInputs, type CitedMeasure } from '../../components/measure-catalogue';
import { MeasurePicker } from '../../components/measure-picker';
import { missingReasons, PositionFields, type PositionChoice, type PositionChoices } from './positions';
import { newKey, refusalText, type AgendaItem, type MeetingContext } from './shared';
import { Notice } from '../../components/notice';
import { SteadyButton } from '../../components/steady-button';

type Field = 'text' | 'rationale' | 'citedMeasures' | 'reviewDate' | 'form';
const FIELDS: readonly Field[] = ['text', 'rationale', 'citedMeasures', 'reviewDate'];

/** Which field a refusal of recordDecision belongs to, when the server does not name one. */
const FIELD_OF_REASON: Readonly<Record<string, Field>> = {
  DECISION_TEXT_REQUIRED: 'text',
  UNKNOWN_MEASURE: 'citedMeasures',
  REVIEW_DATE_BEFORE_MEETING: 'reviewDate',
  INVALID_DATE: 'reviewDate',
};

/**
 * Records a decision on one agenda item: its text, rationale, cited measures, an optional review
 * date, each attending organisation's position and, optionally, the earlier decision it replaces
 * (found by search; that one is then marked superseded).
 */
export function DecisionForm({ context, item, focusOnOpen, onDone }: { context: MeetingContext; item: AgendaItem; focusOnOpen: boolean; onDone: () => void }) {
  const { t, language } = useI18n();
  const { meeting, attendees, positionLabels, plans } = context;
  const id = `decide-${item.id}`;
  // What is typed and chosen survives a session that ends before it is sent (useKeptState).
  const kept = `decision.${item.id}`;
  const [text, setText] = useKeptState(`${kept}.text`, '');
  const [rationale, setRationale] = useKeptState(`${kept}.rationale`, '');
  const [citedMeasures, setCitedMeasures] = useKeptState<CitedMeasure[]>(`${kept}.measures`, () => asRefInputs(item.citedMeasureRefs));
  const [reviewDate, setReviewDate] = useKeptState(`${kept}.reviewDate`, '');
  const [positions, setPositions] = useKeptState<PositionChoices>(`${kept}.positions`, {});
  const [replaces, setReplaces] = useKeptState<FoundDecision | undefined>(`${kept}.replaces`, undefined);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [positionErrors, setPositionErrors] = useState<Record<string, string>>({});
  const [key, setKey] = useState(newKey);
  const [record, recording] = useMutation(SecretariatRecordDecisionDocument);
  const [supersede, superseding] = useMutation(SecretariatSupersedeDecisionDocument);
  const meetingDay = osloParts(meeting.startsAt).day;
  const heading = useFocusOnOpen<HTMLHeadingElement>(focusOnOpen);

  const setPosition = (organizationId: string, choice: PositionChoice) => {
    setPositions({ ...positions, [organizationId]: choice });
    if (positionErrors[organizationId]) setPositionErrors({ ...positionErrors, [organizationId]: '' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!text.trim()) found.text = t('refusal.DECISION_TEXT_REQUIRED');
    if (reviewDate && reviewDate < meetingDay) found.reviewDate = t('refusal.REVIEW_DATE_BEFORE_MEETING');
    const reasons = missingReasons(positions, t('refusal.OBJECTION_NEEDS_REASON'));
    setErrors(found);
    setPositionErrors(reasons);
    if (Object.keys(found).length > 0 || Object.keys(reasons).length > 0) return;
    const chosen = Object.entries(positions).flatMap(([organizationId, c]) =>
      c.position ? [{ organizationId, position: c.position as Position, reason: c.reason.trim() || null }] : [],
    );
    let decisionId: string;
    try {
      const result = await record({
        variables: {
          input: {
            meetingId: meeting.id,
            agendaItemId: item.id,
            text: text.trim(),
            rationale: rationale.trim() || null,
            citedMeasureRefs: asRefInputs(citedMeasures),
            reviewDate: reviewDate || null,
            positions: chosen,
            supersedes: replaces?.id ?? null,
            idempotencyKey: key,
          },
        },
      });
      decisionId = result.data!.recordDecision.id;
    } catch (e) {
      const refusal = refusalOf(e);
      const named = refusal?.field as Field | undefined;
      const field: Field = named && FIELDS.includes(named) ? named : (FIELD_OF_REASON[refusal?.reason ?? ''] ?? 'form');
      setErrors({ [field]: refusalText(t, e) });
      return;
    }
    if (replaces) {
      try {
        await supersede({ variables: { input: { decisionId: replaces.id, supersededByDecisionId: decisionId } } });
      } catch (e) {
        // The new decision stands; say plainly that the earlier one is not marked yet.
        context.announce(t('secretariat.meeting.decision.supersedeFailed', { text: replaces.text, reason: refusalText(t, e) }));
        await context.refresh();
        onDone();
        return;
      }
    }
    setKey(newKey());
    context.announce(replaces ? t('secretariat.meeting.decision.recordedReplacing', { text: replaces.text }) : t('secretariat.meeting.decision.recorded'));
    await context.refresh();
    onDone();
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="kom-form kom-card" aria-labelledby={`${id}-title`} noValidate>
      <Heading ref={heading} tabIndex={-1} level={4} data-size="xs" id={`${id}-title`}>
        {t('secretariat.meeting.decision.new', { item: item.title })}
      </Heading>
      <Textfield multiline rows={3} label={t('secretariat.meeting.decision.text')} value={text} onChange={(e) => setText(e.target.value)} error={errors.text} />
      <Textfield multiline rows={3} label={t('secretariat.meeting.decision.rationale')} value={rationale} onChange={(e) => setRationale(e.target.value)} error={errors.rationale} />
      <MeasurePicker
        plans={plans}
        value={citedMeasures}
        onChange={setCitedMeasures}
        legend={t('secretariat.meeting.decision.measures')}
        help={t('secretariat.meeting.decision.measuresHelp', { count: citedMeasures.length })}
        error={errors.citedMeasures}
      />
      <Textfield
        type="date"
        label={t('secretariat.meeting.decision.reviewDate')}
        description={t('secretariat.meeting.decision.reviewDateHint', { day: formatDate(meetingDay, language) })}
        value={reviewDate}
        onChange={(e) => setReviewDate(e.target.value)}
        error={errors.reviewDate}
      />
      <Fieldset>
        <Fieldset.Legend>{t('secretariat.meeting.decision.positions')}</Fieldset.Legend>
        <Fieldset.Description>{t('secretariat.meeting.decision.positionsHelp')}</Fieldset.Description>
        <PositionFields idPrefix={id} attendees={attendees} labels={positionLabels} value={positions} errors={positionErrors} onChange={setPosition} />
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('secretariat.meeting.decision.replaces')}</Fieldset.Legend>
        <Fieldset.Description>{t('secretariat.meeting.decision.replacesHelp')}</Fieldset.Description>
        {replaces ? (
          <div className="kom-card kom-stack">
            <Paragraph>{t('secretariat.meeting.decision.replacing', { text: replaces.text, meeting: replaces.meeting?.title ?? '' })}</Paragraph>
            <div>
              <Button type="button" variant="secondary" data-size="sm" onClick={() => setReplaces(undefined)}>
                {t('secretariat.meeting.decision.replacesNone')}
              </Button>
            </div>
          </div>
        ) : (
          <DecisionSearch context={context} idPrefix={id} actionLabel={(d) => t('secretariat.meeting.decision.pickReplaced', { text: d.text })} onPick={setReplaces} />
        )}
      </Fieldset>
      <Notice tone="danger" text={errors.form} />
      <div className="kom-actions">
        <SteadyButton type="submit" unavailable={recording.loading || superseding.loading}>
          {t('secretariat.meeting.decision.save')}
        </SteadyButton>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('action.cancel')}
        </Button>
      </div>
    </form>
  );
}
