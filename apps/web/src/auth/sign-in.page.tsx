import { useEffect, useState } from 'react';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../components/states';
import { useTitle } from '../components/use-title';
import { useMessages } from '../i18n/i18n';
import { useSession } from './session-context';
import { demoPeople, safeReturnTo, signInAs, type DemoPerson } from './session';
import { TableScroll } from '../components/table-scroll';
import { SteadyButton } from '../components/steady-button';

export function SignInPage() {
  const t = useMessages();
  useTitle(t('signIn.title'));
  const { state, reload } = useSession();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const navigate = useNavigate();
  const [people, setPeople] = useState<DemoPerson[] | 'failed' | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  const mode = state.status === 'ready' ? state.session.mode : undefined;

  useEffect(() => {
    if (mode !== 'embedded') return;
    demoPeople().then(setPeople, () => setPeople('failed'));
  }, [mode]);

  const choose = async (person: DemoPerson) => {
    setBusy(person.userId);
    setFailed(false);
    try {
      await signInAs(person.userId);
      await reload();
      navigate(returnTo, { replace: true });
    } catch {
      setFailed(true);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="sign-in-title">
      <Heading level={1} id="sign-in-title">
        {t('signIn.title')}
      </Heading>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <ErrorState message={t('signIn.unavailable')} onRetry={() => void reload()} />}
      {failed && <ErrorState message={t('signIn.failed')} />}
      {mode === 'oidc' && (
        <>
          <Paragraph>{t('signIn.oidc.body')}</Paragraph>
          <Link href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>{t('signIn.oidc.action')}</Link>
        </>
      )}
      {mode === 'embedded' && (
        <>
          <Paragraph>{t('signIn.embedded.body')}</Paragraph>
          {people === undefined && <Loading />}
          {people === 'failed' && <ErrorState message={t('signIn.unavailable')} />}
          {Array.isArray(people) && (
            <TableScroll label={t('signIn.embedded.caption')}>
              <Table>
                <caption>{t('signIn.embedded.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('signIn.embedded.person')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('signIn.embedded.role')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('signIn.embedded.organization')}</Table.HeaderCell>
                    <Table.HeaderCell>
                      <span className="kom-visually-hidden">{t('signIn.embedded.choose')}</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {people.map((person) => (
                    <Table.Row key={person.userId}>
                      <Table.Cell>{person.displayName}</Table.Cell>
                      <Table.Cell>{t(`role.${person.role}`)}</Table.Cell>
                      <Table.Cell>{person.organizationName}</Table.Cell>
                      <Table.Cell>
                        <SteadyButton
                          data-size="sm"
                          unavailable={busy !== undefined}
                          onClick={() => void choose(person)}
                          aria-label={t('signIn.embedded.signInAs', { name: person.displayName, role: t(`role.${person.role}`), organization: person.organizationName })}
                        >
                          {t('signIn.embedded.action')}
                        </SteadyButton>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </>
      )}
    </section>
  );
}
