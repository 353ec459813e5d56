import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { refusalOf } from '../../apollo/refusal';
import { Pager } from '../../components/pager';
import { Loading, PageError } from '../../components/states';
import { useCursorPages } from '../../components/use-cursor-pages';
import { useTitle } from '../../components/use-title';
import { RegisterOrganizationDocument, RegisterOrganizationsDocument, RenameOrganizationDocument, type OrganizationKind, type RegisterOrganizationsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { RegistersNav } from './registers-nav';
import { TableScroll } from '../../components/table-scroll';
import { MessageNotices, Notice } from '../../components/notice';
import { SteadyButton } from '../../components/steady-button';
import { useKeptState } from '../../components/use-kept-state';
import { focusInstead, focusLost, useFocusInvalid, useFocusOnOpen } from '../../components/use-focus-back';

type Organization = RegisterOrganizationsQuery['organizations']['edges'][number]['node'];
type Message = { kind: 'success' | 'warning'; text: string };
type FieldErrors = Partial<Record<'name' | 'shortName' | 'form', string>>;

/** The refusal at the field it names (name or short name), else for the form. */
function errorsOf(e: unknown, text: string): FieldErrors {
  const field = refusalOf(e)?.field ?? '';
  if (field.endsWith('shortName')) return { shortName: text };
  if (field.endsWith('name') || refusalOf(e)?.reason?.startsWith('NAME_')) return { name: text };
  return { form: text };
}

/** Organisations by name: register one (name, short name, kind) and rename one, guarded by its revision. */
export function OrganizationsPage() {
  const { t, lang, language } = useI18n();
  useTitle(t('secretariat.registers.organizations'));
  const pages = useCursorPages();
  const { data, loading, error, refetch } = useQuery(RegisterOrganizationsDocument, { variables: { after: pages.after, lang }, fetchPolicy: 'cache-and-network' });
  const [message, setMessage] = useState<Message | undefined>();
  const [name, setName] = useKeptState('register.name', '');
  const [shortName, setShortName] = useKeptState('register.shortName', '');
  const [kind, setKind] = useKeptState<OrganizationKind>('register.kind', 'NGO');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [renaming, setRenaming] = useKeptState<{ org: Organization; name: string; shortName: string; errors: FieldErrors } | undefined>('renaming', undefined);
  const [register, registering] = useMutation(RegisterOrganizationDocument);
  const [rename, renamingMutation] = useMutation(RenameOrganizationDocument);
  const reasonText = (e: unknown) => t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic');
  // A refusal at a field (before sending or from the server) gives that field the focus.
  const focusInvalid = useFocusInvalid();
  // "Endre navn" opens the form below the table: its heading takes the focus, for the row it was opened for.
  const [renameOpenedFor, setRenameOpenedFor] = useState<string | undefined>();
  const renameHeading = useFocusOnOpen<HTMLHeadingElement>(renameOpenedFor ?? false);
  // Closed (saved or cancelled), the form takes its focused button with it: the focus goes back to the row's button.
  const renamingId = renaming?.org.id;
  const lastRenamed = useRef(renamingId);
  useEffect(() => {
    if (lastRenamed.current && !renamingId) {
      if (focusLost()) focusInstead(`rename-${lastRenamed.current}`);
      setRenameOpenedFor(undefined);
    }
    lastRenamed.current = renamingId;
  }, [renamingId]);

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('secretariat.registers.organizations')} error={error} onRetry={() => void refetch()} />;
  const organizations = data?.organizations.edges.map((e) => e.node) ?? [];

  const doRegister = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('refusal.NAME_REQUIRED') });
      return focusInvalid('register-org-form');
    }
    setErrors({});
    try {
      await register({ variables: { input: { name: name.trim(), shortName: shortName.trim() || null, kind } } });
      setMessage({ kind: 'success', text: t('secretariat.registers.org.registered', { name: name.trim() }) });
      setName('');
      setShortName('');
      await refetch();
    } catch (e) {
      setErrors(errorsOf(e, reasonText(e)));
      focusInvalid('register-org-form');
    }
  };

  const doRename = async (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    if (!renaming.name.trim()) {
      setRenaming({ ...renaming, errors: { name: t('refusal.NAME_REQUIRED') } });
      return focusInvalid('rename-org-form');
    }
    try {
      await rename({
        variables: { input: { organizationId: renaming.org.id, name: renaming.name.trim(), shortName: renaming.shortName.trim() || null, expectedRevision: renaming.org.revision } },
      });
      setMessage({ kind: 'success', text: t('secretariat.registers.org.renamed', { name: renaming.name.trim() }) });
      setRenaming(undefined);
      await refetch();
    } catch (e) {
      if (refusalOf(e)?.reason === 'CONCURRENT_MODIFICATION') {
        // Someone else changed it: show what it is now, keep what was typed, guard against the new revision.
        const fresh = await refetch();
        const now = fresh.data?.organizations.edges.find((edge) => edge.node.id === renaming.org.id)?.node;
        if (now) {
          setRenaming({ ...renaming, org: now, errors: {} });
          setMessage({ kind: 'warning', text: t('secretariat.registers.org.changedMeanwhile', { name: now.name, shortName: now.shortName ?? '–' }) });
          return;
        }
      }
      setRenaming({ ...renaming, errors: errorsOf(e, reasonText(e)) });
      focusInvalid('rename-org-form');
    }
  };

  return (
    <section aria-labelledby="organizations-title" className="kom-stack">
      <Heading level={1} id="organizations-title">
        {t('secretariat.registers.organizations')}
      </Heading>
      <RegistersNav />
      <MessageNotices message={message} />
      <TableScroll label={t('secretariat.registers.org.caption', { page: pages.page })}>
        <Table zebra>
          <caption className="kom-visually-hidden">{t('secretariat.registers.org.caption', { page: pages.page })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('secretariat.registers.org.column.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('secretariat.registers.org.column.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('secretariat.registers.org.column.groups')}</Table.HeaderCell>
              <Table.HeaderCell>{t('secretariat.registers.org.column.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {organizations.map((o) => {
              const current = o.memberships.filter((m) => m.to === null).map((m) => t(`secretariat.registers.group.${m.groupKind}`));
              return (
                <Table.Row key={o.id}>
                  <Table.Cell>{o.shortName ? t('secretariat.registers.org.nameWithShort', { name: o.name, shortName: o.shortName }) : o.name}</Table.Cell>
                  <Table.Cell>{o.kindLabel}</Table.Cell>
                  <Table.Cell>{current.length > 0 ? current.join(', ') : t('secretariat.registers.org.noGroup')}</Table.Cell>
                  <Table.Cell>
                    <Button
                      id={`rename-${o.id}`}
                      variant="secondary"
                      data-size="sm"
                      aria-label={t('secretariat.registers.org.renameOne', { name: o.name })}
                      onClick={() => {
                        setRenaming({ org: o, name: o.name, shortName: o.shortName ?? '', errors: {} });
                        setRenameOpenedFor(o.id);
                      }}
                    >
                      {t('secretariat.registers.org.rename')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroll>
      <Pager page={pages.page} hasNext={Boolean(data?.organizations.pageInfo.hasNextPage)} onPrevious={pages.previous} onNext={() => data?.organizations.pageInfo.endCursor && pages.next(data.organizations.pageInfo.endCursor)} />

      {renaming && (
        <form id="rename-org-form" onSubmit={(e) => void doRename(e)} className="kom-form" aria-labelledby="rename-title" noValidate>
          <Heading level={2} data-size="sm" id="rename-title" tabIndex={-1} ref={renameHeading}>
            {t('secretariat.registers.org.renameTitle', { name: renaming.org.name })}
          </Heading>
          <Textfield label={t('secretariat.registers.org.name')} value={renaming.name} onChange={(e) => setRenaming({ ...renaming, name: e.target.value })} error={renaming.errors.name} />
          <Textfield label={t('secretariat.registers.org.shortName')} value={renaming.shortName} onChange={(e) => setRenaming({ ...renaming, shortName: e.target.value })} error={renaming.errors.shortName} />
          <Notice tone="danger" text={renaming.errors.form} />
          <div className="kom-actions">
            <SteadyButton type="submit" unavailable={renamingMutation.loading}>
              {t('secretariat.registers.org.renameSave')}
            </SteadyButton>
            <Button type="button" variant="secondary" onClick={() => setRenaming(undefined)}>
              {t('action.cancel')}
            </Button>
          </div>
        </form>
      )}

      <form id="register-org-form" onSubmit={(e) => void doRegister(e)} className="kom-form" aria-labelledby="register-org-title" noValidate>
        <Heading level={2} data-size="sm" id="register-org-title">
          {t('secretariat.registers.org.register')}
        </Heading>
        <Textfield label={t('secretariat.registers.org.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <Textfield label={t('secretariat.registers.org.shortName')} value={shortName} onChange={(e) => setShortName(e.target.value)} error={errors.shortName} />
        <Field>
          <Label>{t('secretariat.registers.org.kind')}</Label>
          <Select value={kind} onChange={(e) => setKind(e.target.value as OrganizationKind)}>
            {data?.kinds.map((k) => (
              <Select.Option key={k.key} value={k.key}>
                {k[language]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Paragraph data-size="sm">{t('secretariat.registers.org.kindHint')}</Paragraph>
        <Notice tone="danger" text={errors.form} />
        <div className="kom-actions">
          <SteadyButton type="submit" unavailable={registering.loading}>
            {t('secretariat.registers.org.registerAction')}
          </SteadyButton>
        </div>
      </form>
    </section>
  );
}
