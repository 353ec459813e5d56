import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Field, Heading, Label, List, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { refusalOf } from '../../apollo/refusal';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFocusBack, useFocusOnOpen } from '../../components/use-focus-back';
import { useKeptState } from '../../components/use-kept-state';
import { SecretariatAssignActionItemDocument, SecretariatCancelActionItemDocument } from '../../gql/graphql';
import { formatDate, osloToday } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { newKey, refusalText, type ActionItem, type Decision, type MeetingContext } from './shared';
import { Notice } from '../../components/notice';
import { SteadyButton } from '../../components/steady-button';

type Field = 'owner' | 'dueDate' | 'description' | 'form';
const FIELD_OF_REASON: Readonly<Record<string, Field>> = {
  RESPONSIBLE_ORGANIZATION_REQUIRED: 'owner',
  DUE_DATE_BEFORE_MEETING: 'dueDate',
  INVALID_DATE: 'dueDate',
  DESCRIPTION_REQUIRED: 'description',
};
const FIELD_OF_NAME: Readonly<Record<string, Field>> = { responsibleOrganizationId: 'owner', dueDate: 'dueDate', description: 'description' };

/** A new action item on a decision: who, by when (an Oslo day, not in the past) and what. */
function AssignForm({ context, decision, index, focusOnOpen, onDone }: { context: MeetingContext; decision: Decision; index: number; focusOnOpen: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const id = `assign-${decision.id}`;
  const kept = `action.${decision.id}`;
  const [owner, setOwner] = useKeptState(`${kept}.owner`, '');
  const [dueDate, setDueDate] = useKeptState(`${kept}.due`, '');
  const [description, setDescription] = useKeptState(`${kept}.description`, '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [key, setKey] = useState(newKey);
  const [assign, assigning] = useMutation(SecretariatAssignActionItemDocument);
  const heading = useFocusOnOpen<HTMLHeadingElement>(focusOnOpen);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!owner) found.owner = t('refusal.RESPONSIBLE_ORGANIZATION_REQUIRED');
    if (!dueDate) found.dueDate = t('secretariat.meeting.action.dueRequired');
    else if (dueDate < osloToday()) found.dueDate = t('secretariat.meeting.action.dueInPast');
    if (!description.trim()) found.description = t('refusal.DESCRIPTION_REQUIRED');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await assign({
        variables: {
          input: { meetingId: context.meeting.id, decisionId: decision.id, responsibleOrganizationId: owner, dueDate, description: description.trim(), idempotencyKey: key },
        },
      });
      setKey(newKey());
      context.announce(t('secretariat.meeting.action.assigned', { organization: context.names.get(owner) ?? owner }));
      await context.refresh();
      onDone();
    } catch (e) {
      const refusal = refusalOf(e);
      const field = FIELD_OF_NAME[refusal?.field ?? ''] ?? FIELD_OF_REASON[refusal?.reason ?? ''] ?? 'form';
      setErrors({ [field]: refusalText(t, e) });
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="kom-form" aria-labelledby={`${id}-title`} noValidate>
      <Heading ref={heading} tabIndex={-1} level={5} data-size="2xs" id={`${id}-title`}>
        {t('secretariat.meeting.action.new', { number: index + 1 })}
      </Heading>
      <Field>
        <Label>{t('secretariat.meeting.action.owner')}</Label>
        <Select value={owner} onChange={(e) => setOwner(e.target.value)} aria-invalid={errors.owner ? true : undefined} aria-describedby={errors.owner ? `${id}-owner-error` : undefined}>
          <Select.Option value="">{t('secretariat.meeting.action.chooseOwner')}</Select.Option>
          {context.members.map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </Select>
        {errors.owner && <ValidationMessage id={`${id}-owner-error`}>{errors.owner}</ValidationMessage>}
      </Field>
      <Textfield type="date" label={t('secretariat.meeting.action.due')} description={t('secretariat.meeting.action.dueHint')} value={dueDate} onChange={(e) => setDueDate(e.target.value)} error={errors.dueDate} />
      <Textfield multiline rows={2} label={t('secretariat.meeting.action.description')} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
      <Notice tone="danger" text={errors.form} />
      <div className="kom-actions">
        <SteadyButton type="submit" unavailable={assigning.loading}>
          {t('secretariat.meeting.action.save')}
        </SteadyButton>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('action.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The action items set on a decision; an open one can be cancelled with a reason, after a confirmation. */
export function ActionItems({ context, decision, index }: { context: MeetingContext; decision: Decision; index: number }) {
  const { t, language } = useI18n();
  const [adding, setAdding] = useKeptState(`action.${decision.id}.open`, false);
  const opener = useFocusBack<HTMLButtonElement>(adding);
  const [openedByPerson, setOpenedByPerson] = useState(false);
  const [cancelling, setCancelling] = useKeptState<ActionItem | undefined>(`action.${decision.id}.cancelling`, undefined);
  const [reason, setReason] = useKeptState(`action.${decision.id}.cancelReason`, '');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [cancel, cancelMutation] = useMutation(SecretariatCancelActionItemDocument);
  const items = context.meeting.actionItems.filter((a) => a.decisionId === decision.id);
  const name = (orgId: string) => context.names.get(orgId) ?? orgId;
  const editable = !context.readOnly;
  const confirmCancel = async () => {
    if (!cancelling) return;
    if (!reason.trim()) return setReasonError(t('refusal.REASON_REQUIRED'));
    try {
      await cancel({ variables: { input: { actionItemId: cancelling.id, reason: reason.trim() } } });
      context.announce(t('secretariat.meeting.action.cancelled', { description: cancelling.description }));
      setCancelling(undefined);
      setReason('');
      await context.refresh();
    } catch (e) {
      setReasonError(refusalText(t, e));
    }
  };
  return (
    <section className="kom-stack" aria-labelledby={`actions-${decision.id}`}>
      <Heading level={5} data-size="2xs" id={`actions-${decision.id}`}>
        {t('secretariat.meeting.action.title', { number: index + 1 })}
      </Heading>
      {items.length === 0 ? (
        <Paragraph data-size="sm">{t('secretariat.meeting.action.none')}</Paragraph>
      ) : (
        <List.Unordered>
          {items.map((a) => (
            <List.Item key={a.id}>
              <Paragraph>
                {t('secretariat.meeting.action.line', { description: a.description, organization: name(a.responsibleOrganizationId), due: formatDate(a.dueDate, language) })}{' '}
                <Tag data-color={a.status === 'OPEN' ? 'info' : 'neutral'}>{a.statusLabel}</Tag>
              </Paragraph>
              {a.cancelledReason && <Paragraph data-size="sm">{t('secretariat.meeting.action.cancelledReason', { reason: a.cancelledReason })}</Paragraph>}
              {editable && a.status === 'OPEN' && (
                <Button
                  variant="secondary"
                  data-color="danger"
                  data-size="sm"
                  onClick={() => (setReason(''), setReasonError(undefined), setCancelling(a))}
                  aria-label={t('secretariat.meeting.action.cancelOne', { description: a.description })}
                >
                  {t('secretariat.meeting.action.cancel')}
                </Button>
              )}
            </List.Item>
          ))}
        </List.Unordered>
      )}
      {editable &&
        (adding ? (
          <AssignForm context={context} decision={decision} index={index} focusOnOpen={openedByPerson} onDone={() => (setAdding(false), setOpenedByPerson(false))} />
        ) : (
          <div>
            <Button ref={opener} variant="secondary" data-size="sm" onClick={() => (setAdding(true), setOpenedByPerson(true))} aria-label={t('secretariat.meeting.action.addFor', { number: index + 1 })}>
              {t('secretariat.meeting.action.add')}
            </Button>
          </div>
        ))}
      <ConfirmDialog
        open={cancelling !== undefined}
        title={t('secretariat.meeting.action.cancelConfirm.title')}
        consequence={t('secretariat.meeting.action.cancelConfirm.body', { description: cancelling?.description ?? '', organization: cancelling ? name(cancelling.responsibleOrganizationId) : '' })}
        confirmLabel={t('secretariat.meeting.action.cancelConfirm.action')}
        busy={cancelMutation.loading}
        onConfirm={() => void confirmCancel()}
        onCancel={() => setCancelling(undefined)}
      >
        <Textfield multiline rows={2} label={t('secretariat.meeting.action.cancelReason')} value={reason} onChange={(e) => (setReason(e.target.value), setReasonError(undefined))} error={reasonError} />
      </ConfirmDialog>
    </section>
  );
}
