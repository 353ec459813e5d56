import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { AppLink } from '../../components/router-link';
import { useFocusBack, useFocusOnOpen } from '../../components/use-focus-back';
import { useKeptState } from '../../components/use-kept-state';
import { recorderText } from '../../components/signer';
import { SecretariatRecordPositionDocument } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { ActionItems } from './action-items';
import { missingReasons, PositionFields, type PositionChoices } from './positions';
import { refusalText, type Decision, type MeetingContext } from './shared';
import { measureNumbersText } from '../../components/measure-catalogue';
import { TableScroll } from '../../components/table-scroll';
import { Notice } from '../../components/notice';
import { SteadyButton } from '../../components/steady-button';

/** Change positions on a decision until the minutes are approved (the latest one counts; the log keeps each). */
function ChangePositions({ context, decision, focusOnOpen, onDone }: { context: MeetingContext; decision: Decision; focusOnOpen: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const id = `positions-${decision.id}`;
  const initial: PositionChoices = Object.fromEntries(decision.positions.map((p) => [p.organizationId, { position: p.position, reason: p.reason ?? '' }]));
  const [value, setValue] = useKeptState<PositionChoices>(`positions.${decision.id}`, initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [record, recording] = useMutation(SecretariatRecordPositionDocument);
  const heading = useFocusOnOpen<HTMLHeadingElement>(focusOnOpen);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingReasons(value, t('refusal.OBJECTION_NEEDS_REASON'));
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const changed = Object.entries(value).filter(([org, c]) => c.position !== '' && (c.position !== initial[org]?.position || c.reason.trim() !== (initial[org]?.reason ?? '')));
    try {
      for (const [organizationId, c] of changed) {
        if (c.position === '') continue;
        await record({ variables: { input: { decisionId: decision.id, organizationId, position: c.position, reason: c.reason.trim() || null } } });
      }
      context.announce(t('secretariat.meeting.position.saved', { count: changed.length }));
      await context.refresh();
      onDone();
    } catch (e) {
      setFormError(refusalText(t, e));
      await context.refresh();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="kom-form" aria-labelledby={`${id}-title`} noValidate>
      <Heading ref={heading} tabIndex={-1} level={5} data-size="2xs" id={`${id}-title`}>
        {t('secretariat.meeting.position.changeTitle')}
      </Heading>
      <PositionFields
        idPrefix={id}
        attendees={context.attendees}
        labels={context.positionLabels}
        value={value}
        recorded={new Set(Object.keys(initial))}
        errors={errors}
        onChange={(org, choice) => setValue({ ...value, [org]: choice })}
      />
      <Notice tone="danger" text={formError} />
      <div className="kom-actions">
        <SteadyButton type="submit" unavailable={recording.loading}>
          {t('secretariat.meeting.position.save')}
        </SteadyButton>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('action.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** One decision taken on an agenda item: what was decided and why, the positions, its action items. */
export function DecisionCard({ context, decision, index }: { context: MeetingContext; decision: Decision; index: number }) {
  const { t, language } = useI18n();
  const [changing, setChanging] = useKeptState(`positions.${decision.id}.open`, false);
  const opener = useFocusBack<HTMLButtonElement>(changing);
  const [openedByPerson, setOpenedByPerson] = useState(false);
  const active = decision.status === 'ACTIVE';
  const editable = active && !context.readOnly;
  const id = `decision-${decision.id}`;
  const name = (orgId: string) => context.names.get(orgId) ?? orgId;
  return (
    <article className="kom-card kom-stack" aria-labelledby={id}>
      <Heading level={4} data-size="xs" id={id}>
        {t('secretariat.meeting.decision.heading', { number: index + 1, text: decision.text })}
      </Heading>
      <div>
        <Tag data-color={active ? 'success' : 'warning'}>{decision.statusLabel}</Tag>
      </div>
      <dl className="kom-facts">
        {decision.rationale && (
          <>
            <dt>{t('secretariat.meeting.decision.rationale')}</dt>
            <dd>{decision.rationale}</dd>
          </>
        )}
        <dt>{t('secretariat.meeting.decision.measures')}</dt>
        <dd>{decision.citedMeasureRefs.length ? t('secretariat.meeting.measures', { numbers: measureNumbersText(decision.citedMeasureRefs) }) : t('secretariat.meeting.noMeasures')}</dd>
        {decision.reviewDate && (
          <>
            <dt>{t('secretariat.meeting.decision.reviewDate')}</dt>
            <dd>{formatDate(decision.reviewDate, language)}</dd>
          </>
        )}
        {decision.supersedes && (
          <>
            <dt>{t('secretariat.meeting.decision.replacesShort')}</dt>
            <dd>
              <AppLink to={`/audit/decisions/${decision.supersedes}`}>{t('secretariat.meeting.decision.historyOfReplaced')}</AppLink>
            </dd>
          </>
        )}
        {decision.supersededBy && (
          <>
            <dt>{t('secretariat.meeting.decision.replacedBy')}</dt>
            <dd>
              <AppLink to={`/audit/decisions/${decision.supersededBy}`}>{t('secretariat.meeting.decision.historyOfReplacing')}</AppLink>
            </dd>
          </>
        )}
        {decision.revokedReason && (
          <>
            <dt>{t('secretariat.meeting.decision.revokedReason')}</dt>
            <dd>{decision.revokedReason}</dd>
          </>
        )}
      </dl>
      {decision.positions.length === 0 ? (
        <Paragraph data-size="sm">{t('secretariat.meeting.position.noneRecorded')}</Paragraph>
      ) : (
        <TableScroll label={t('secretariat.meeting.position.caption', { number: index + 1 })}>
          <Table data-size="sm">
            <caption>{t('secretariat.meeting.position.caption', { number: index + 1 })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('secretariat.meeting.position.organization')}</Table.HeaderCell>
                <Table.HeaderCell>{t('secretariat.meeting.position.position')}</Table.HeaderCell>
                <Table.HeaderCell>{t('secretariat.meeting.position.reasonColumn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {decision.positions.map((p) => (
                <Table.Row key={p.organizationId}>
                  <Table.Cell>{name(p.organizationId)}</Table.Cell>
                  <Table.Cell>{[p.positionLabel, recorderText(t, p.representative)].filter(Boolean).join(', ')}</Table.Cell>
                  <Table.Cell>{p.reason ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {editable &&
        (changing ? (
          <ChangePositions context={context} decision={decision} focusOnOpen={openedByPerson} onDone={() => (setChanging(false), setOpenedByPerson(false))} />
        ) : (
          <div>
            <Button ref={opener} variant="secondary" data-size="sm" onClick={() => (setChanging(true), setOpenedByPerson(true))} aria-label={t('secretariat.meeting.position.changeFor', { number: index + 1 })}>
              {t('secretariat.meeting.position.change')}
            </Button>
          </div>
        ))}
      <ActionItems context={context} decision={decision} index={index} />
    </article>
  );
}
