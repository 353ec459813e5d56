import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { refusalOf } from '../../apollo/refusal';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import {
  RegisterAddRepresentativeDocument,
  RegisterLinkIdentityDocument,
  RegisterOrganizationNamesDocument,
  RegisterRemoveRepresentativeDocument,
  RegisterRepresentativesDocument,
  RegisterUnlinkIdentityDocument,
} from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { RegistersNav } from './registers-nav';
import { TableScroll } from '../../components/table-scroll';
import { Notice } from '../../components/notice';
import { SteadyButton } from '../../components/steady-button';
import { useKeptState } from '../../components/use-kept-state';

/**
 * An organisation's representatives: name and work e-mail only; add one, remove one after a
 * confirmation, and link a sign-in identity to one (what lets the person sign as the representative).
 */
export function RepresentativesPage() {
  const { t, language } = useI18n();
  useTitle(t('secretariat.registers.representatives'));
  const [params, setParams] = useSearchParams();
  const organizationId = params.get('organization') ?? '';
  const names = useQuery(RegisterOrganizationNamesDocument);
  const { data, loading, error, refetch } = useQuery(RegisterRepresentativesDocument, { variables: { organizationId }, skip: !organizationId, fetchPolicy: 'cache-and-network' });
  const [message, setMessage] = useState<string | undefined>();
  const [name, setName] = useKeptState('add.name', '');
  const [email, setEmail] = useKeptState('add.email', '');
  const [errors, setErrors] = useState<Partial<Record<'name' | 'email' | 'form', string>>>({});
  const [removing, setRemoving] = useKeptState<{ id: string; name: string } | undefined>('removing', undefined);
  const [add, adding] = useMutation(RegisterAddRepresentativeDocument);
  const [remove, removingMutation] = useMutation(RegisterRemoveRepresentativeDocument);
  const [link, linking] = useMutation(RegisterLinkIdentityDocument);
  const [unlink, unlinking] = useMutation(RegisterUnlinkIdentityDocument);
  const [linkTo, setLinkTo] = useKeptState('link.to', '');
  const [subject, setSubject] = useKeptState('link.subject', '');
  const [linkErrors, setLinkErrors] = useState<Partial<Record<'subject' | 'form', string>>>({});
  const reasonText = (e: unknown) => t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic');
  const organization = data?.organization;
  const current = organization?.representatives?.filter((r) => !r.removed) ?? [];

  const choose = (id: string) => {
    setParams(id ? new URLSearchParams({ organization: id }) : new URLSearchParams(), { replace: true });
    setMessage(undefined);
    setErrors({});
  };

  const doAdd = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = t('refusal.NAME_REQUIRED');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = t('refusal.INVALID_EMAIL');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await add({ variables: { input: { organizationId, name: name.trim(), email: email.trim() } } });
      setMessage(t('secretariat.registers.rep.added', { name: name.trim(), organization: organization?.name ?? '' }));
      setName('');
      setEmail('');
      await refetch();
    } catch (e) {
      const reason = refusalOf(e)?.reason ?? '';
      const field = refusalOf(e)?.field ?? '';
      if (reason.includes('EMAIL') || field.endsWith('email')) setErrors({ email: reasonText(e) });
      else if (reason.startsWith('NAME_') || reason === 'PERSONAL_DATA_REFUSED' || field.endsWith('name')) setErrors({ name: reasonText(e) });
      else setErrors({ form: reasonText(e) });
    }
  };

  const doLink = async (event: FormEvent) => {
    event.preventDefault();
    const representative = current.find((r) => r.id === linkTo) ?? current[0];
    if (!representative) return;
    if (!subject.trim()) {
      setLinkErrors({ subject: t('refusal.SUBJECT_REQUIRED') });
      return;
    }
    setLinkErrors({});
    try {
      await link({ variables: { input: { representativeId: representative.id, organizationId, subject: subject.trim() } } });
      setMessage(t('secretariat.registers.rep.linked', { subject: subject.trim(), name: representative.name ?? representative.id }));
      setSubject('');
      await refetch();
    } catch (e) {
      const reason = refusalOf(e)?.reason ?? '';
      if (reason.includes('SUBJECT') || reason.startsWith('IDENTITY_')) setLinkErrors({ subject: reasonText(e) });
      else setLinkErrors({ form: reasonText(e) });
    }
  };

  // Undone as easily as done (link again), so no confirmation.
  const doUnlink = async (representative: { id: string; name?: string | null }, subjectToUnlink: string) => {
    try {
      await unlink({ variables: { input: { representativeId: representative.id, subject: subjectToUnlink } } });
      setMessage(t('secretariat.registers.rep.unlinked', { subject: subjectToUnlink, name: representative.name ?? representative.id }));
      await refetch();
    } catch (e) {
      setErrors({ form: reasonText(e) });
    }
  };

  const doRemove = async () => {
    if (!removing) return;
    const person = removing;
    setRemoving(undefined);
    try {
      await remove({ variables: { input: { representativeId: person.id } } });
      setMessage(t('secretariat.registers.rep.removed', { name: person.name }));
      await refetch();
    } catch (e) {
      setErrors({ form: reasonText(e) });
    }
  };

  return (
    <section aria-labelledby="representatives-title" className="kom-stack">
      <Heading level={1} id="representatives-title">
        {t('secretariat.registers.representatives')}
      </Heading>
      <RegistersNav />
      <Paragraph>{t('secretariat.registers.rep.intro')}</Paragraph>
      <Field>
        <Label>{t('secretariat.registers.rep.organization')}</Label>
        <Select value={organizationId} onChange={(e) => choose(e.target.value)}>
          <Select.Option value="">{t('secretariat.registers.group.choose')}</Select.Option>
          {names.data?.organizations.edges.map(({ node }) => (
            <Select.Option key={node.id} value={node.id}>
              {node.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Notice tone="success" text={message} />
      {organizationId && loading && !data && <Loading />}
      {organizationId && error && !data && <ErrorState onRetry={() => void refetch()} />}
      {organization && (
        <>
          <Heading level={2} data-size="sm" id="reps-title">
            {t('secretariat.registers.rep.of', { organization: organization.name })}
          </Heading>
          {current.length === 0 ? (
            <Empty>{t('secretariat.registers.rep.none')}</Empty>
          ) : (
            <TableScroll label={t('secretariat.registers.rep.of', { organization: organization.name })}>
              <Table zebra aria-labelledby="reps-title">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('secretariat.registers.rep.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('secretariat.registers.rep.email')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('secretariat.registers.rep.addedAt')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('secretariat.registers.rep.identities')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('secretariat.registers.org.column.actions')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {current.map((r) => (
                    <Table.Row key={r.id}>
                      <Table.Cell>{r.name ?? t('secretariat.registers.rep.hidden')}</Table.Cell>
                      <Table.Cell>{r.email ?? t('secretariat.registers.rep.hidden')}</Table.Cell>
                      <Table.Cell>{formatDate(r.addedAt, language)}</Table.Cell>
                      <Table.Cell>
                        {r.identities && r.identities.length > 0 ? (
                          <ul className="kom-plain-list">
                            {r.identities.map((i, index) => (
                              <li key={i.subject ?? index}>
                                {i.subject ?? t('secretariat.registers.rep.hidden')}{' '}
                                {i.subject && (
                                  <SteadyButton
                                    variant="tertiary"
                                    data-size="sm"
                                    unavailable={unlinking.loading}
                                    aria-label={t('secretariat.registers.rep.unlinkOne', { subject: i.subject, name: r.name ?? r.id })}
                                    onClick={() => void doUnlink(r, i.subject!)}
                                  >
                                    {t('secretariat.registers.rep.unlink')}
                                  </SteadyButton>
                                )}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          t('secretariat.registers.rep.noIdentity')
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <Button
                          variant="secondary"
                          data-color="danger"
                          data-size="sm"
                          aria-label={t('secretariat.registers.rep.removeOne', { name: r.name ?? r.id })}
                          onClick={() => setRemoving({ id: r.id, name: r.name ?? r.id })}
                        >
                          {t('secretariat.registers.rep.remove')}
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
          {current.length > 0 && (
            <form onSubmit={(e) => void doLink(e)} className="kom-form" aria-labelledby="link-identity-title" noValidate>
              <Heading level={2} data-size="sm" id="link-identity-title">
                {t('secretariat.registers.rep.linkTitle')}
              </Heading>
              <Paragraph>{t('secretariat.registers.rep.linkIntro')}</Paragraph>
              <Field>
                <Label>{t('secretariat.registers.rep.linkWho')}</Label>
                <Select value={linkTo || current[0]!.id} onChange={(e) => setLinkTo(e.target.value)}>
                  {current.map((r) => (
                    <Select.Option key={r.id} value={r.id}>
                      {r.name ?? r.id}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Textfield
                label={t('secretariat.registers.rep.subject')}
                description={t('secretariat.registers.rep.subjectHint')}
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
                error={linkErrors.subject}
                autoComplete="off"
              />
              <Notice tone="danger" text={linkErrors.form} />
              <div className="kom-actions">
                <SteadyButton type="submit" unavailable={linking.loading}>
                  {t('secretariat.registers.rep.link')}
                </SteadyButton>
              </div>
            </form>
          )}
          <form onSubmit={(e) => void doAdd(e)} className="kom-form" aria-labelledby="add-rep-title" noValidate>
            <Heading level={2} data-size="sm" id="add-rep-title">
              {t('secretariat.registers.rep.addTitle', { organization: organization.name })}
            </Heading>
            <Textfield label={t('secretariat.registers.rep.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" />
            <Textfield type="email" label={t('secretariat.registers.rep.email')} description={t('secretariat.registers.rep.emailHint')} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} autoComplete="off" />
            <Notice tone="danger" text={errors.form} />
            <div className="kom-actions">
              <SteadyButton type="submit" unavailable={adding.loading}>
                {t('secretariat.registers.rep.add')}
              </SteadyButton>
            </div>
          </form>
        </>
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title={t('secretariat.registers.rep.removeConfirmTitle', { name: removing?.name ?? '' })}
        consequence={t('secretariat.registers.rep.removeConfirmBody', { organization: organization?.name ?? '' })}
        confirmLabel={t('secretariat.registers.rep.removeConfirmAction')}
        busy={removingMutation.loading}
        onConfirm={() => void doRemove()}
        onCancel={() => setRemoving(undefined)}
      />
    </section>
  );
}
