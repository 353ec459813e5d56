import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Button, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { refusalOf, type Refusal } from '../../apollo/refusal';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LiveNotice } from '../../components/live-notice';
import { AppLink } from '../../components/router-link';
import { Empty, Loading, PageError } from '../../components/states';
import { useTitle } from '../../components/use-title';
import {
  AgendaAddItemDocument,
  AgendaEditorChangedDocument,
  AgendaEditorDocument,
  AgendaPlaceIssueDocument,
  AgendaPublishDocument,
  AgendaRemoveItemDocument,
  AgendaReorderDocument,
  AgendaUpdateItemDocument,
  type AgendaEditorMeetingFragment,
} from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { changesBetween, measuresText, moved, parseMeasures, type AgendaChanges } from './agenda-edits';
import { checkDraft, EMPTY_DRAFT, ItemForm, type ItemDraft, type ItemErrors } from './item-form';
import { ProposalsPanel } from './proposals-panel';
import { asRefInputs, measureKey, measureNumbersText, measureText, type CitedMeasure } from '../../components/measure-catalogue';
import { Notice } from '../../components/notice';
import { SteadyButton } from '../../components/steady-button';
import { useKeptState } from '../../components/use-kept-state';
import { useFocusInvalid } from '../../components/use-focus-back';

type Meeting = AgendaEditorMeetingFragment;
type Item = NonNullable<Meeting['agenda']>[number];
type Translate = ReturnType<typeof useI18n>['t'];

/** The agenda as it was read when the user started typing: a write is checked against it. */
interface Baseline {
  readonly revision: number;
  readonly items: readonly Item[];
}

interface FormState {
  readonly draft: ItemDraft;
  readonly baseline: Baseline | undefined;
  readonly errors: ItemErrors;
  readonly conflict?: AgendaChanges;
  readonly refusal?: string;
}

const FRESH_FORM: FormState = { draft: EMPTY_DRAFT, baseline: undefined, errors: {} };

const refusalText = (t: Translate, refusal: Refusal | undefined) => t.maybe(`refusal.${refusal?.reason}`) ?? t('refusal.generic');

/** The field a server refusal names, when it names one of the form's fields. */
function fieldOf(refusal: Refusal): keyof ItemErrors | undefined {
  const field = refusal.field ?? '';
  if (/title/i.test(field) || refusal.reason?.startsWith('TITLE_')) return 'title';
  if (/measure/i.test(field) || refusal.reason === 'UNKNOWN_MEASURE') return 'measures';
  if (/description/i.test(field)) return 'description';
  return undefined;
}

/** The words for what someone else changed meanwhile. */
function ConflictNotice({ changes }: { changes: AgendaChanges }) {
  const { t } = useI18n();
  const quoted = (titles: string[]) => titles.map((title) => t('secretariat.agenda.quoted', { title })).join(', ');
  const lines = [
    changes.added.length > 0 && t('secretariat.agenda.conflict.added', { titles: quoted(changes.added) }),
    changes.removed.length > 0 && t('secretariat.agenda.conflict.removed', { titles: quoted(changes.removed) }),
    changes.changed.length > 0 && t('secretariat.agenda.conflict.changed', { titles: quoted(changes.changed) }),
    changes.reordered && t('secretariat.agenda.conflict.reordered'),
  ].filter((line): line is string => typeof line === 'string');
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={3} data-size="xs">
        {t('secretariat.agenda.conflict.title')}
      </Heading>
      <Paragraph>{t('secretariat.agenda.conflict.kept')}</Paragraph>
      {lines.length > 0 ? (
        <List.Unordered>
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph>{t('secretariat.agenda.conflict.other')}</Paragraph>
      )}
      <Paragraph>{t('secretariat.agenda.conflict.again')}</Paragraph>
    </Alert>
  );
}

/** The secretariat's agenda editor for one meeting: items, order, suggestions, publishing, amendments, live. */
export function AgendaPage() {
  const { t, lang, language } = useI18n();
  const { meetingId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AgendaEditorDocument, { variables: { id: meetingId, lang }, fetchPolicy: 'cache-and-network' });
  // The pushed meeting lands in the cache by itself; the suggestions (issues) are read again.
  useSubscription(AgendaEditorChangedDocument, { variables: { meetingId, lang }, onData: () => void refetch() });
  const [addItem, adding] = useMutation(AgendaAddItemDocument);
  const [updateItem, updating] = useMutation(AgendaUpdateItemDocument);
  const [removeItem, removing] = useMutation(AgendaRemoveItemDocument);
  const [reorder] = useMutation(AgendaReorderDocument);
  const [publish, publishing] = useMutation(AgendaPublishDocument);
  const [placeIssue, placing] = useMutation(AgendaPlaceIssueDocument);

  const [addForm, setAddForm] = useKeptState<FormState>('item.new', FRESH_FORM);
  const [editing, setEditing] = useKeptState<(FormState & { itemId: string }) | undefined>('item.editing', undefined);
  const [confirmRemove, setConfirmRemove] = useKeptState<Item | undefined>('item.removing', undefined);
  const [removalReason, setRemovalReason] = useKeptState('item.removalReason', '');
  const [removalError, setRemovalError] = useState<string | undefined>();
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [said, setSaid] = useState('');
  const [refused, setRefused] = useState<string | undefined>();
  const [pendingOrder, setPendingOrder] = useState<string[] | undefined>();
  const [focusAfterMove, setFocusAfterMove] = useState<{ itemId: string; direction: 'up' | 'down' } | undefined>();
  const [dragging, setDragging] = useState<string | undefined>();
  // Read by drag events and by a second press before the first move is answered: no stale closure.
  const draggingRef = useRef<string | undefined>(undefined);
  const movingRef = useRef(false);
  const [dropAt, setDropAt] = useState<number | undefined>();
  // A form refused at a field (before sending or by the server) gives that field the focus.
  const focusInvalid = useFocusInvalid();

  const meeting = data?.meeting ?? undefined;
  useTitle(meeting ? t('secretariat.agenda.title', { title: meeting.title }) : t('secretariat.agenda.heading'));
  const all = meeting?.agenda ?? [];
  const current = all.filter((i) => !i.removedByAmendment);
  const byId = new Map(current.map((i) => [i.id, i]));
  const items = pendingOrder ? pendingOrder.map((id) => byId.get(id)).filter((i): i is Item => i !== undefined) : current;
  const orderKey = items.map((i) => i.id).join();

  // A moved item keeps the focus on its button (the list re-renders in the new order).
  useEffect(() => {
    if (!focusAfterMove) return;
    const own = document.getElementById(`move-${focusAfterMove.direction}-${focusAfterMove.itemId}`) as HTMLButtonElement | null;
    const other = document.getElementById(`move-${focusAfterMove.direction === 'up' ? 'down' : 'up'}-${focusAfterMove.itemId}`) as HTMLButtonElement | null;
    (own && !own.disabled ? own : other)?.focus();
  }, [focusAfterMove, orderKey]);

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('secretariat.agenda.heading')} error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  if (!meeting) {
    return (
      <section aria-labelledby="agenda-missing">
        <Heading level={1} id="agenda-missing">
          {t('secretariat.agenda.missing')}
        </Heading>
        <AppLink to="/secretariat/calendar">{t('secretariat.agenda.backToCalendar')}</AppLink>
      </section>
    );
  }

  const published = meeting.agendaPublishedAt !== null;
  const editable = meeting.status === 'SCHEDULED' || meeting.status === 'PUBLISHED';
  const organizations = data.organizations.edges.map((e) => e.node);
  const orgName = (id: string | null) => organizations.find((o) => o.id === id)?.name ?? id ?? '';
  const plans = data.actionPlans;
  const measureTitle = (m: CitedMeasure) => measureText(t, plans, m);
  const reference = meeting.kind === 'REFERENCE_GROUP';
  const issues = (reference ? data.submitted : data.forwarded).edges.map((e) => e.node);
  const snapshot = (): Baseline => ({ revision: meeting.revision, items: all });
  const say = (text: string) => {
    setRefused(undefined);
    setSaid(text);
  };
  const fail = (e: unknown) => {
    setSaid('');
    setRefused(refusalText(t, refusalOf(e)));
  };
  /** After one's own write, a form begun on the agenda as it stood before follows it along. */
  const followOwnWrite = (before: number, after: Meeting | undefined) => {
    if (!after) return;
    const next = { revision: after.revision, items: after.agenda ?? [] };
    setAddForm((f) => (f.baseline?.revision === before ? { ...f, baseline: next } : f));
    setEditing((f) => (f && f.baseline?.revision === before ? { ...f, baseline: next } : f));
  };
  const inputOf = (draft: ItemDraft) => ({
    title: draft.title.trim(),
    description: draft.description.trim() || null,
    presentingOrganizationId: draft.presentingOrganizationId || null,
    citedMeasureRefs: asRefInputs(parseMeasures(draft.measures, plans).measures),
  });

  /** A write's refusal: a conflict shows what changed and keeps the text; others go to their field. */
  const refusedForm = async (e: unknown, form: FormState, base: Baseline): Promise<FormState> => {
    const refusal = refusalOf(e);
    if (refusal?.code === 'CONFLICT') {
      const fresh = await refetch();
      const now = fresh.data?.meeting ?? meeting;
      const nowItems = now.agenda ?? [];
      return { ...form, conflict: changesBetween(base.items, nowItems), baseline: { revision: now.revision, items: nowItems }, refusal: undefined };
    }
    const field = refusal ? fieldOf(refusal) : undefined;
    if (field) return { ...form, errors: { [field]: refusalText(t, refusal) }, conflict: undefined, refusal: undefined };
    return { ...form, refusal: refusalText(t, refusal), conflict: undefined };
  };

  const submitAdd = async () => {
    const errors = checkDraft(addForm.draft, plans, t);
    setAddForm({ ...addForm, errors, refusal: undefined });
    if (Object.keys(errors).length > 0) return focusInvalid('add-item-form');
    const base = addForm.baseline ?? snapshot();
    try {
      const result = await addItem({ variables: { lang, input: { meetingId, ...inputOf(addForm.draft), expectedRevision: base.revision } } });
      setAddForm(FRESH_FORM);
      followOwnWrite(meeting.revision, result.data?.addAgendaItem);
      say(t(published ? 'secretariat.agenda.addedAmendment' : 'secretariat.agenda.added', { title: addForm.draft.title.trim() }));
    } catch (e) {
      const next = await refusedForm(e, { ...addForm, errors: {} }, base);
      setAddForm(next);
      if (Object.keys(next.errors).length > 0) focusInvalid('add-item-form');
    }
  };

  const startEditing = (item: Item) => {
    setFocusAfterMove(undefined);
    setEditing({
      itemId: item.id,
      draft: { title: item.title, description: item.description, presentingOrganizationId: item.presentingOrganizationId ?? '', measures: measuresText(item.citedMeasureRefs) },
      baseline: snapshot(),
      errors: {},
    });
  };
  const submitEdit = async () => {
    if (!editing) return;
    const errors = checkDraft(editing.draft, plans, t);
    setEditing({ ...editing, errors, refusal: undefined });
    if (Object.keys(errors).length > 0) return focusInvalid(`edit-form-${editing.itemId}`);
    const base = editing.baseline ?? snapshot();
    try {
      const result = await updateItem({ variables: { lang, input: { meetingId, itemId: editing.itemId, ...inputOf(editing.draft), expectedRevision: base.revision } } });
      setEditing(undefined);
      followOwnWrite(meeting.revision, result.data?.updateAgendaItem);
      say(t(published ? 'secretariat.agenda.updatedAmendment' : 'secretariat.agenda.updated', { title: editing.draft.title.trim() }));
      document.getElementById(`edit-${editing.itemId}`)?.focus();
    } catch (e) {
      const next = await refusedForm(e, { ...editing, errors: {} }, base);
      setEditing({ ...next, itemId: editing.itemId });
      if (Object.keys(next.errors).length > 0) focusInvalid(`edit-form-${editing.itemId}`);
    }
  };

  const reorderTo = async (itemId: string, to: number, direction?: 'up' | 'down') => {
    const ids = items.map((i) => i.id);
    const from = ids.indexOf(itemId);
    if (movingRef.current || from < 0 || to < 0 || to >= ids.length || from === to) return;
    movingRef.current = true;
    const next = moved(ids, from, to);
    const title = byId.get(itemId)?.title ?? '';
    setFocusAfterMove(direction ? { itemId, direction } : undefined);
    setPendingOrder(next);
    try {
      const result = await reorder({ variables: { lang, input: { meetingId, itemIds: next, expectedRevision: meeting.revision } } });
      followOwnWrite(meeting.revision, result.data?.reorderAgenda);
      say(t('secretariat.agenda.moved', { title, position: to + 1, count: next.length }));
    } catch (e) {
      const refusal = refusalOf(e);
      setSaid('');
      setRefused(refusal?.code === 'CONFLICT' ? t('secretariat.agenda.moveConflict', { title }) : refusalText(t, refusal));
      await refetch();
    } finally {
      movingRef.current = false;
      setPendingOrder(undefined);
    }
  };

  const doRemove = async () => {
    if (!confirmRemove) return;
    const reason = removalReason.trim();
    if (published && !reason) {
      setRemovalError(t('secretariat.agenda.remove.reasonRequired'));
      return;
    }
    const item = confirmRemove;
    try {
      const result = await removeItem({ variables: { lang, input: { meetingId, itemId: item.id, reason: reason || null, expectedRevision: meeting.revision } } });
      setConfirmRemove(undefined);
      setRemovalReason('');
      followOwnWrite(meeting.revision, result.data?.removeAgendaItem);
      say(t(published ? 'secretariat.agenda.removedAmendment' : 'secretariat.agenda.removed', { title: item.title }));
    } catch (e) {
      setConfirmRemove(undefined);
      fail(e);
      await refetch();
    }
  };

  const doPublish = async () => {
    try {
      await publish({ variables: { lang, input: { meetingId, expectedRevision: meeting.revision } } });
      setConfirmPublish(false);
      say(t('secretariat.agenda.publishedNow'));
    } catch (e) {
      setConfirmPublish(false);
      fail(e);
      await refetch();
    }
  };

  const place = async (issue: (typeof issues)[number]) => {
    try {
      await placeIssue({ variables: { input: { meetingId, issueId: issue.id } } });
      await refetch();
      say(t(published ? 'secretariat.agenda.addedAmendment' : 'secretariat.agenda.added', { title: issue.title }));
    } catch (e) {
      fail(e);
    }
  };

  const takeActionItem = (a: Meeting['suggestedAgendaItems'][number]) => {
    setAddForm({
      draft: {
        title: a.description.slice(0, 300),
        description: t('secretariat.agenda.fromActionItem', { due: formatDate(a.dueDate, language), organization: orgName(a.responsibleOrganizationId) }),
        presentingOrganizationId: a.responsibleOrganizationId,
        measures: '',
      },
      baseline: snapshot(),
      errors: {},
    });
    say(t('secretariat.agenda.prefilled', { title: a.description }));
    document.getElementById('add-item')?.querySelector('input')?.focus();
  };

  const removed = all.filter((i) => i.removedByAmendment);

  return (
    <section aria-labelledby="agenda-page-title" className="kom-stack">
      <div className="kom-actions">
        <AppLink to="/secretariat/calendar">{t('secretariat.agenda.backToCalendar')}</AppLink>
        <AppLink to={`/secretariat/meetings/${meeting.id}`}>{t('secretariat.agenda.toMeeting')}</AppLink>
      </div>
      <Heading level={1} id="agenda-page-title">
        {t('secretariat.agenda.title', { title: meeting.title })}
      </Heading>
      <Paragraph>
        {t('secretariat.agenda.facts', { body: meeting.kindLabel, when: formatDateTime(meeting.startsAt, language), where: meeting.location ?? t('secretariat.agenda.noLocation') })}{' '}
        <Tag data-color="info">{meeting.statusLabel}</Tag>
      </Paragraph>
      <LiveNotice />
      <div role="status" aria-live="polite" aria-atomic="true" className="kom-agenda-said">
        {said && <Paragraph>{said}</Paragraph>}
      </div>
      <div role="alert">
        <Notice tone="danger" text={refused} />
      </div>

      {published ? (
        <Alert data-color="info">
          <Paragraph>{t('secretariat.agenda.publishedAt', { when: formatDateTime(meeting.agendaPublishedAt ?? '', language) })}</Paragraph>
        </Alert>
      ) : (
        editable && (
          <div className="kom-card kom-stack">
            <Paragraph>{t('secretariat.agenda.draftNote')}</Paragraph>
            <div>
              <SteadyButton onClick={() => (current.length === 0 ? (setSaid(''), setRefused(t('refusal.AGENDA_EMPTY'))) : setConfirmPublish(true))} unavailable={publishing.loading}>
                {t('secretariat.agenda.publish')}
              </SteadyButton>
            </div>
          </div>
        )
      )}
      {!editable && (
        <Alert data-color="warning">
          <Paragraph>{t(meeting.status === 'CANCELLED' ? 'secretariat.agenda.cancelledNote' : 'secretariat.agenda.heldNote')}</Paragraph>
        </Alert>
      )}

      <section aria-labelledby="agenda-items-title">
        <Heading level={2} id="agenda-items-title">
          {t('secretariat.agenda.items', { count: items.length })}
        </Heading>
        {items.length === 0 ? (
          <Empty>{t('secretariat.agenda.empty')}</Empty>
        ) : (
          <>
            {editable && <Paragraph data-size="sm">{t('secretariat.agenda.reorderHint')}</Paragraph>}
            <ol className="kom-agenda">
              {items.map((item, index) => {
                const isEditing = editing?.itemId === item.id;
                return (
                  <li
                    key={item.id}
                    className={`kom-agenda-item${dragging === item.id ? ' kom-dragging' : ''}${dropAt === index && dragging !== item.id ? ' kom-drop-target' : ''}`}
                    draggable={editable && !isEditing}
                    onDragStart={(e) => {
                      e.dataTransfer.setData('text/plain', item.id);
                      e.dataTransfer.effectAllowed = 'move';
                      draggingRef.current = item.id;
                      setDragging(item.id);
                    }}
                    onDragOver={(e) => {
                      if (!draggingRef.current) return;
                      e.preventDefault();
                      e.dataTransfer.dropEffect = 'move';
                      if (dropAt !== index) setDropAt(index);
                    }}
                    onDrop={(e) => {
                      e.preventDefault();
                      const id = draggingRef.current ?? e.dataTransfer.getData('text/plain');
                      draggingRef.current = undefined;
                      setDragging(undefined);
                      setDropAt(undefined);
                      if (id) void reorderTo(id, index);
                    }}
                    onDragEnd={() => {
                      draggingRef.current = undefined;
                      setDragging(undefined);
                      setDropAt(undefined);
                    }}
                  >
                    {isEditing && editing ? (
                      <ItemForm
                        id={`edit-form-${item.id}`}
                        heading={t('secretariat.agenda.editTitle', { title: item.title })}
                        draft={editing.draft}
                        onChange={(draft) => setEditing({ ...editing, draft })}
                        errors={editing.errors}
                        submitLabel={t('secretariat.agenda.save')}
                        busy={updating.loading}
                        onSubmit={() => void submitEdit()}
                        onCancel={() => setEditing(undefined)}
                        organizations={organizations}
                        plans={plans}
                      >
                        {editing.conflict && <ConflictNotice changes={editing.conflict} />}
                        <Notice tone="danger" text={editing.refusal} />
                      </ItemForm>
                    ) : (
                      <div className="kom-stack kom-agenda-body">
                        <div className="kom-agenda-head">
                          <Heading level={3} data-size="xs">
                            {item.title}
                          </Heading>
                          {published && item.addedByAmendment && <Tag data-color="warning">{t('secretariat.agenda.mark.added')}</Tag>}
                          {published && !item.addedByAmendment && item.updatedByAmendment && <Tag data-color="warning">{t('secretariat.agenda.mark.updated')}</Tag>}
                        </div>
                        {item.description && <Paragraph>{item.description}</Paragraph>}
                        {(item.presentingOrganizationId || item.sourceIssueId) && (
                          <Paragraph data-size="sm">
                            {item.presentingOrganizationId && t('secretariat.agenda.presentedBy', { organization: orgName(item.presentingOrganizationId) })}
                            {item.presentingOrganizationId && item.sourceIssueId && ' · '}
                            {item.sourceIssueId && t('secretariat.agenda.fromIssue')}
                          </Paragraph>
                        )}
                        {item.proposal && <Paragraph data-size="sm">{t('secretariat.agenda.proposedBy', { organization: orgName(item.proposal.organizationId) })}</Paragraph>}
                        {item.citedMeasureRefs.length > 0 && (
                          <List.Unordered aria-label={t('secretariat.agenda.measuresOf', { title: item.title })}>
                            {item.citedMeasureRefs.map((m) => (
                              <List.Item key={measureKey(m)}>{measureTitle(m)}</List.Item>
                            ))}
                          </List.Unordered>
                        )}
                        {editable && (
                          <div className="kom-actions">
                            <Button
                              id={`move-up-${item.id}`}
                              variant="secondary"
                              data-size="sm"
                              disabled={index === 0}
                              aria-label={t('secretariat.agenda.moveUp', { title: item.title })}
                              onClick={() => void reorderTo(item.id, index - 1, 'up')}
                            >
                              {t('secretariat.agenda.up')}
                            </Button>
                            <Button
                              id={`move-down-${item.id}`}
                              variant="secondary"
                              data-size="sm"
                              disabled={index === items.length - 1}
                              aria-label={t('secretariat.agenda.moveDown', { title: item.title })}
                              onClick={() => void reorderTo(item.id, index + 1, 'down')}
                            >
                              {t('secretariat.agenda.down')}
                            </Button>
                            <Button id={`edit-${item.id}`} variant="secondary" data-size="sm" aria-label={t('secretariat.agenda.editOne', { title: item.title })} onClick={() => startEditing(item)}>
                              {t('secretariat.agenda.edit')}
                            </Button>
                            <Button
                              variant="secondary"
                              data-color="danger"
                              data-size="sm"
                              aria-label={t('secretariat.agenda.removeOne', { title: item.title })}
                              onClick={() => {
                                setRemovalReason('');
                                setRemovalError(undefined);
                                setConfirmRemove(item);
                              }}
                            >
                              {t('secretariat.agenda.remove')}
                            </Button>
                          </div>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>

      {published && (removed.length > 0 || meeting.amendments.length > 0) && (
        <section aria-labelledby="agenda-amendments-title">
          <Heading level={2} id="agenda-amendments-title">
            {t('secretariat.agenda.amendments')}
          </Heading>
          {removed.length > 0 && (
            <List.Unordered aria-label={t('secretariat.agenda.removedList')}>
              {removed.map((item) => (
                <List.Item key={item.id}>
                  <Tag data-color="neutral">{t('secretariat.agenda.mark.removed')}</Tag> <del>{item.title}</del>
                  {item.removalReason && ` — ${t('secretariat.agenda.reasonIs', { reason: item.removalReason })}`}
                </List.Item>
              ))}
            </List.Unordered>
          )}
          <List.Ordered aria-label={t('secretariat.agenda.amendmentLog')}>
            {meeting.amendments.map((a) => (
              <List.Item key={a.revision}>
                {t('secretariat.agenda.amendment', { when: a.occurredAt ? formatDateTime(a.occurredAt, language) : '', kind: a.kindLabel, title: a.title ?? '' })}
                {a.reason && ` — ${t('secretariat.agenda.reasonIs', { reason: a.reason })}`}
              </List.Item>
            ))}
          </List.Ordered>
        </section>
      )}

      {editable && (
        <div id="add-item">
          <ItemForm
            id="add-item-form"
            heading={t(published ? 'secretariat.agenda.addAmendmentTitle' : 'secretariat.agenda.addTitle')}
            draft={addForm.draft}
            onChange={(draft) => setAddForm({ ...addForm, draft, baseline: addForm.baseline ?? snapshot() })}
            errors={addForm.errors}
            submitLabel={t('secretariat.agenda.add')}
            busy={adding.loading}
            onSubmit={() => void submitAdd()}
            organizations={organizations}
            plans={plans}
          >
            {addForm.conflict && <ConflictNotice changes={addForm.conflict} />}
            <Notice tone="danger" text={addForm.refusal} />
          </ItemForm>
        </div>
      )}

      {editable && (
        <ProposalsPanel
          meetingId={meetingId}
          published={published}
          items={current}
          orgName={orgName}
          measureTitle={measureTitle}
          say={say}
          onAgendaChanged={() => void refetch()}
        />
      )}

      {editable && (
        <section aria-labelledby="agenda-suggestions-title">
          <Heading level={2} id="agenda-suggestions-title">
            {t('secretariat.agenda.suggestions')}
          </Heading>
          <Paragraph>{t('secretariat.agenda.suggestionsIntro')}</Paragraph>
          <Heading level={3} data-size="xs">
            {t('secretariat.agenda.suggest.actionItems', { count: meeting.suggestedAgendaItems.length })}
          </Heading>
          {meeting.suggestedAgendaItems.length === 0 ? (
            <Empty>{t('secretariat.agenda.suggest.noActionItems')}</Empty>
          ) : (
            <ul className="kom-suggestions">
              {meeting.suggestedAgendaItems.map((a) => (
                <li key={a.id} className="kom-card">
                  <Paragraph>{a.description}</Paragraph>
                  <Paragraph data-size="sm">
                    {t('secretariat.agenda.suggest.actionItemFacts', { organization: orgName(a.responsibleOrganizationId), due: formatDate(a.dueDate, language) })}
                  </Paragraph>
                  <Button variant="secondary" data-size="sm" aria-label={t('secretariat.agenda.suggest.useOne', { title: a.description })} onClick={() => takeActionItem(a)}>
                    {t('secretariat.agenda.suggest.use')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <Heading level={3} data-size="xs">
            {t(reference ? 'secretariat.agenda.suggest.submitted' : 'secretariat.agenda.suggest.forwarded', { count: issues.length })}
          </Heading>
          {issues.length === 0 ? (
            <Empty>{t(reference ? 'secretariat.agenda.suggest.noSubmitted' : 'secretariat.agenda.suggest.noForwarded')}</Empty>
          ) : (
            <ul className="kom-suggestions">
              {issues.map((issue) => (
                <li key={issue.id} className="kom-card">
                  <Paragraph>{issue.title}</Paragraph>
                  <Paragraph data-size="sm">
                    {t('secretariat.agenda.suggest.issueFacts', { organization: orgName(issue.organizationId) })}
                    {issue.citedMeasureRefs.length > 0 && ` ${t('secretariat.agenda.suggest.issueMeasures', { measures: measureNumbersText(issue.citedMeasureRefs) })}`}
                  </Paragraph>
                  <SteadyButton variant="secondary" data-size="sm" unavailable={placing.loading} aria-label={t('secretariat.agenda.suggest.placeOne', { title: issue.title })} onClick={() => void place(issue)}>
                    {t('secretariat.agenda.suggest.place')}
                  </SteadyButton>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <ConfirmDialog
        open={confirmRemove !== undefined}
        title={t('secretariat.agenda.remove.title', { title: confirmRemove?.title ?? '' })}
        consequence={t(published ? 'secretariat.agenda.remove.bodyPublished' : 'secretariat.agenda.remove.bodyDraft')}
        confirmLabel={t('secretariat.agenda.remove.action')}
        busy={removing.loading}
        onConfirm={() => void doRemove()}
        onCancel={() => setConfirmRemove(undefined)}
      >
        {published && (
          <Textfield
            multiline
            rows={2}
            label={t('secretariat.agenda.remove.reason')}
            value={removalReason}
            onChange={(e) => {
              setRemovalReason(e.target.value);
              setRemovalError(undefined);
            }}
            error={removalError}
          />
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmPublish}
        title={t('secretariat.agenda.publishConfirm.title')}
        consequence={t('secretariat.agenda.publishConfirm.body', { count: current.length, body: meeting.kindLabel })}
        confirmLabel={t('secretariat.agenda.publishConfirm.action')}
        busy={publishing.loading}
        onConfirm={() => void doPublish()}
        onCancel={() => setConfirmPublish(false)}
      >
        <List.Ordered>
          {current.map((item) => (
            <List.Item key={item.id}>{item.title}</List.Item>
          ))}
        </List.Ordered>
      </ConfirmDialog>
    </section>
  );
}
