import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Checkbox, Fieldset, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { refusalOf } from '../apollo/refusal';
import { ConfirmDialog } from '../components/confirm-dialog';
import { AppLink } from '../components/router-link';
import { Empty, Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import {
  DisableWebhookEndpointDocument,
  EnableWebhookEndpointDocument,
  RegisterWebhookEndpointDocument,
  RemoveWebhookEndpointDocument,
  RotateWebhookSecretDocument,
  WebhooksPageDocument,
  type NotificationTopic,
} from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { PERSON_TOPICS } from './topics';
import { Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';
import { useKeptState } from '../components/use-kept-state';

const toggle = <T,>(list: readonly T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/**
 * An organisation's webhook endpoints: register one (its signing secret is shown once), rotate the
 * secret, disable, enable or remove it, and see why deliveries failed.
 */
export function WebhooksPage() {
  const { t, language } = useI18n();
  useTitle(t('webhooks.title'));
  const { data, loading, error, refetch } = useQuery(WebhooksPageDocument, { fetchPolicy: 'cache-and-network' });
  const [register, registering] = useMutation(RegisterWebhookEndpointDocument);
  const [rotate] = useMutation(RotateWebhookSecretDocument);
  const [disable] = useMutation(DisableWebhookEndpointDocument);
  const [enable] = useMutation(EnableWebhookEndpointDocument);
  const [remove, removing] = useMutation(RemoveWebhookEndpointDocument);
  const [url, setUrl] = useKeptState('register.url', '');
  const [topics, setTopics] = useKeptState<NotificationTopic[]>('register.topics', []);
  const [secret, setSecret] = useState<{ secret: string; url: string } | undefined>();
  const [refusal, setRefusal] = useState<{ text: string; field: string | undefined } | undefined>();
  const [removeId, setRemoveId] = useState<string | undefined>();

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('webhooks.title')} error={error} onRetry={() => void refetch()} />;
  if (!data) return null;

  const refused = (e: unknown) => {
    const r = refusalOf(e);
    setRefusal({ text: t.maybe(`refusal.${r?.reason}`) ?? t('refusal.generic'), field: r?.field });
  };
  const act = async (run: () => Promise<unknown>) => {
    setRefusal(undefined);
    try {
      await run();
      await refetch();
    } catch (e) {
      refused(e);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSecret(undefined);
    await act(async () => {
      const result = await register({ variables: { input: { url, topics } } });
      const made = result.data?.registerWebhookEndpoint;
      if (made) setSecret({ secret: made.secret, url: made.endpoint.url });
      setUrl('');
      setTopics([]);
    });
  };
  const rotateOne = (endpointId: string, endpointUrl: string) =>
    act(async () => {
      const result = await rotate({ variables: { input: { endpointId, graceHours: 24 } } });
      if (result.data) setSecret({ secret: result.data.rotateWebhookSecret.secret, url: endpointUrl });
    });
  const confirmRemove = async () => {
    const endpointId = removeId;
    setRemoveId(undefined);
    if (endpointId) await act(() => remove({ variables: { input: { endpointId } } }));
  };

  return (
    <section aria-labelledby="webhooks-title" className="kom-stack">
      <AppLink to="/notifications">{t('webhooks.back')}</AppLink>
      <Heading level={1} id="webhooks-title">
        {t('webhooks.title')}
      </Heading>
      <Paragraph>{t('webhooks.intro')}</Paragraph>

      <Notice tone="success">
        {secret && (
          <>
            <Heading level={2} data-size="xs">
              {t('webhooks.secret.title')}
            </Heading>
            <Paragraph>{t('webhooks.secret.body', { url: secret.url })}</Paragraph>
            <Textfield label={t('webhooks.secret.label')} value={secret.secret} readOnly onFocus={(e) => e.target.select()} />
          </>
        )}
      </Notice>
      <Notice tone="danger" text={refusal && !refusal.field ? refusal.text : undefined} />

      <section aria-labelledby="endpoints-title" className="kom-stack">
        <Heading level={2} id="endpoints-title">
          {t('webhooks.yours')}
        </Heading>
        {data.webhookEndpoints.length === 0 ? (
          <Empty>{t('webhooks.none')}</Empty>
        ) : (
          data.webhookEndpoints.map((endpoint) => (
            <Card key={endpoint.id} data-color="neutral">
              <Heading level={3} data-size="xs">
                {endpoint.url}
              </Heading>
              <Paragraph data-size="sm">
                <Tag data-color={endpoint.status === 'ACTIVE' ? 'success' : 'warning'}>{t(`webhooks.status.${endpoint.status}`)}</Tag>{' '}
                {t('webhooks.registered', { when: formatDateTime(endpoint.registeredAt, language) })}
              </Paragraph>
              <Paragraph data-size="sm">{endpoint.topics.map((topic) => t(`notifications.topic.${topic}`, { count: 0 })).join(', ')}</Paragraph>
              {endpoint.previousSecretValidUntil && <Paragraph data-size="sm">{t('webhooks.previousSecret', { when: formatDateTime(endpoint.previousSecretValidUntil, language) })}</Paragraph>}
              {endpoint.recentFailures.length > 0 && (
                <>
                  <Paragraph data-size="sm">{t('webhooks.failures', { count: endpoint.consecutiveFailures })}</Paragraph>
                  <List.Unordered>
                    {endpoint.recentFailures.map((f) => (
                      <List.Item key={f.notificationId}>{t(f.abandoned ? 'webhooks.failure.abandoned' : 'webhooks.failure', { problem: f.problem, attempts: f.attempts })}</List.Item>
                    ))}
                  </List.Unordered>
                </>
              )}
              <div className="kom-actions">
                <Button variant="secondary" data-size="sm" onClick={() => void rotateOne(endpoint.id, endpoint.url)} aria-label={t('webhooks.rotateOne', { url: endpoint.url })}>
                  {t('webhooks.rotate')}
                </Button>
                {endpoint.status === 'ACTIVE' ? (
                  <Button variant="secondary" data-size="sm" onClick={() => void act(() => disable({ variables: { input: { endpointId: endpoint.id } } }))} aria-label={t('webhooks.disableOne', { url: endpoint.url })}>
                    {t('webhooks.disable')}
                  </Button>
                ) : (
                  <Button variant="secondary" data-size="sm" onClick={() => void act(() => enable({ variables: { input: { endpointId: endpoint.id } } }))} aria-label={t('webhooks.enableOne', { url: endpoint.url })}>
                    {t('webhooks.enable')}
                  </Button>
                )}
                <Button variant="secondary" data-color="danger" data-size="sm" onClick={() => setRemoveId(endpoint.id)} aria-label={t('webhooks.removeOne', { url: endpoint.url })}>
                  {t('webhooks.remove')}
                </Button>
              </div>
            </Card>
          ))
        )}
      </section>

      <form onSubmit={(e) => void submit(e)} className="kom-form" aria-labelledby="new-endpoint-title">
        <Heading level={2} id="new-endpoint-title">
          {t('webhooks.new')}
        </Heading>
        <Textfield
          label={t('webhooks.field.url')}
          description={t('webhooks.field.urlHelp')}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={refusal?.field === 'input.url' ? refusal.text : undefined}
        />
        <Fieldset>
          <Fieldset.Legend>{t('webhooks.field.topics')}</Fieldset.Legend>
          {PERSON_TOPICS.map((topic) => (
            <Checkbox key={topic} label={t(`notifications.topic.${topic}`, { count: 0 })} checked={topics.includes(topic)} onChange={() => setTopics(toggle(topics, topic))} />
          ))}
        </Fieldset>
        <Notice tone="danger" text={refusal?.field === 'input.topics' ? refusal.text : undefined} />
        <div className="kom-actions">
          <SteadyButton type="submit" unavailable={registering.loading}>
            {t('webhooks.register')}
          </SteadyButton>
        </div>
      </form>
      <ConfirmDialog
        open={removeId !== undefined}
        title={t('webhooks.removeConfirm.title')}
        consequence={t('webhooks.removeConfirm.body')}
        confirmLabel={t('webhooks.remove')}
        busy={removing.loading}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoveId(undefined)}
      />
    </section>
  );
}
