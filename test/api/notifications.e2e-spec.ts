import { startSmtpReceiver, startWebhookReceiver } from '@kom/notifications/testing';
import { TestApp } from '../support/test-app';

const PREFS = 'topics language cadence dueSoonDays expiringDays representativeId saved';
const SET_PREFS = `mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { ${PREFS} } }`;
const SENT = `query($first: Int, $after: String) { sentNotifications(first: $first, after: $after) {
  edges { node { id topic subjectType subjectId status attempts problem itemCount } } pageInfo { hasNextPage endCursor } } }`;
const ENDPOINT = 'id url topics status consecutiveFailures previousSecretValidUntil recentFailures { problem attempts abandoned }';
const REGISTER = `mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT} } } }`;
const ROTATE = `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret endpoint { ${ENDPOINT} } } }`;
const DISABLE = `mutation($input: WebhookEndpointInput!) { disableWebhookEndpoint(input: $input) { ${ENDPOINT} } }`;
const ENABLE = `mutation($input: WebhookEndpointInput!) { enableWebhookEndpoint(input: $input) { ${ENDPOINT} } }`;
const REMOVE = `mutation($input: WebhookEndpointInput!) { removeWebhookEndpoint(input: $input) { ${ENDPOINT} } }`;
const ENDPOINTS = `{ webhookEndpoints { ${ENDPOINT} } }`;

/** Waits (without asserting on how long) until `check` holds; fails with what it last saw. */
async function eventually<T>(read: () => Promise<T> | T, check: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 300; i += 1) {
    last = await read();
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)}`);
}

/**
 * Notifications over GraphQL with a real SMTP server and a real webhook receiver on loopback: a
 * person chooses what they hear about, the secretariat publishes an agenda, the e-mail arrives
 * (parsed back), the endpoint gets a signed delivery (verified with the Standard Webhooks library),
 * and the person's list shows what was sent. An erased person gets nothing.
 */
describe('Notifications over GraphQL', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let secretariat: string;
  let udi: string;
  let nav: string;
  let auditor: string;
  let ulf: string; // UDI's representative record
  let endpointId: string;

  const publishAgenda = async (title: string) => {
    const meetingId = (
      await t.data(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
        input: { kind: 'PROJECT_GROUP', title, startsAt: '2031-03-04T09:00:00+01:00', endsAt: '2031-03-04T11:00:00+01:00', location: 'Oslo' },
      }, secretariat)
    ).scheduleMeeting.id as string;
    await t.data(`mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`, { input: { meetingId, title: 'Samarbeidsavtaler' } }, secretariat);
    await t.data(`mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }`, { input: { meetingId } }, secretariat);
    return meetingId;
  };
  const sent = async (token: string) => (await t.data(SENT, { first: 50 }, token)).sentNotifications.edges.map((e: { node: Record<string, unknown> }) => e.node);

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    hooks = await startWebhookReceiver();
    t = await TestApp.start({ env: { KOM_SMTP_URL: smtp.url, KOM_MAIL_FROM: 'KOM <varsel@kom.test>', KOM_NOTIFICATIONS_POLL_MS: '50', KOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' } });
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'ulf');
    nav = await t.token('AGENCY_MEMBER', 'org-nav', 'nils');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'aud');
    const add = (organizationId: string, name: string, email: string) =>
      t.data(`mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }`, { input: { organizationId, name, email } }, secretariat);
    ulf = (await add('org-udi', 'Ulf Udisen', 'ulf@udi.example')).addRepresentative.id;
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await smtp?.close();
    await hooks?.close();
  });

  it('starts from defaults, nothing chosen, nothing sent', async () => {
    expect((await t.data(`{ notificationPreferences { ${PREFS} } }`, {}, udi)).notificationPreferences).toEqual({
      topics: [], language: 'NB', cadence: 'IMMEDIATE', dueSoonDays: 7, expiringDays: 7, representativeId: null, saved: false,
    });
    expect(await sent(udi)).toEqual([]);
  });

  it('refuses another organisation’s address, unknown days, and an auditor; changes nothing', async () => {
    const navRep = (await t.data(`mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }`, { input: { organizationId: 'org-nav', name: 'Nils Navesen', email: 'nils@nav.example' } }, secretariat)).addRepresentative.id;
    const attempt = (input: Record<string, unknown>, token = udi) => t.gql(SET_PREFS, { input: { topics: ['AGENDA_PUBLISHED'], ...input } }, token);
    expect((await attempt({ representativeId: navRep })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_OWN_REPRESENTATIVE' });
    expect((await attempt({ dueSoonDays: 0 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DAYS_OUT_OF_RANGE' });
    expect((await attempt({}, auditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.data(`{ notificationPreferences { saved } }`, {}, udi)).notificationPreferences.saved).toBe(false);
  });

  it('registers a webhook endpoint and shows its secret once', async () => {
    const registered = (await t.data(REGISTER, { input: { url: hooks.url, topics: ['AGENDA_PUBLISHED'] } }, udi)).registerWebhookEndpoint;
    expect(registered.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(registered.endpoint).toMatchObject({ url: hooks.url, topics: ['AGENDA_PUBLISHED'], status: 'ACTIVE', consecutiveFailures: 0 });
    endpointId = registered.endpoint.id;
    hooks.setSecrets([registered.secret]);
    const listed = (await t.data(ENDPOINTS, {}, udi)).webhookEndpoints;
    expect(listed).toEqual([expect.objectContaining({ id: endpointId })]);
    expect(JSON.stringify(listed)).not.toContain(registered.secret);
    expect((await t.data(ENDPOINTS, {}, nav)).webhookEndpoints).toEqual([]);
    expect((await t.gql(REGISTER, { input: { url: 'ftp://example.org/x', topics: ['AGENDA_PUBLISHED'] } }, udi)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WEBHOOK_URL' });
  });

  it('sends the published agenda by e-mail and to the endpoint, and lists it as sent', async () => {
    const prefs = (await t.data(SET_PREFS, { input: { topics: ['AGENDA_PUBLISHED', 'AGENDA_AMENDED'], language: 'EN', representativeId: ulf } }, udi)).setNotificationPreferences;
    expect(prefs).toMatchObject({ topics: ['AGENDA_AMENDED', 'AGENDA_PUBLISHED'], language: 'EN', representativeId: ulf, saved: true });

    const meetingId = await publishAgenda('Project group, March');
    const [mail] = await eventually(() => smtp.mails.filter((m) => m.to && JSON.stringify(m.to).includes('ulf@udi.example')), (m) => m.length > 0, 'the e-mail');
    expect(mail!.subject).toBe('KOM: The agenda is published');
    expect(mail!.text).toContain(`/meetings/${meetingId}`);
    expect(mail!.html).toContain(`/meetings/${meetingId}`);
    expect(mail!.headers.get('content-language')).toBe('en');

    const list = await eventually(() => sent(udi), (l) => l.some((n: { status: string }) => n.status === 'DELIVERED'), 'the sent list');
    expect(list).toEqual([expect.objectContaining({ topic: 'AGENDA_PUBLISHED', subjectType: 'MEETING', subjectId: meetingId, status: 'DELIVERED', attempts: 1, problem: null })]);
    expect(mail!.messageId).toBe(`<${list[0].id}@kom.test>`);

    const [delivery] = await eventually(() => hooks.received, (r) => r.length > 0, 'the webhook');
    expect(delivery).toMatchObject({ verified: true, body: { type: 'kom.agenda_published', data: { topic: 'AGENDA_PUBLISHED', subject: { type: 'MEETING', id: meetingId }, organizationId: 'org-udi' } } });
    expect(JSON.stringify(delivery!.body)).not.toMatch(/ulf@udi\.example|Udisen/);
    // Others' lists are theirs: the secretariat chose nothing, NAV has no preferences.
    expect(await sent(nav)).toEqual([]);
  });

  it('rotates, disables, enables and removes the endpoint; another organisation’s is not found', async () => {
    expect((await t.gql(ROTATE, { input: { endpointId, graceHours: 24 } }, nav)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(DISABLE, { input: { endpointId } }, nav)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rotated = (await t.data(ROTATE, { input: { endpointId, graceHours: 24 } }, udi)).rotateWebhookSecret;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.endpoint.previousSecretValidUntil).toEqual(expect.any(String));
    expect((await t.data(DISABLE, { input: { endpointId } }, udi)).disableWebhookEndpoint.status).toBe('DISABLED');
    expect((await t.data(ENABLE, { input: { endpointId } }, udi)).enableWebhookEndpoint.status).toBe('ACTIVE');
    expect((await t.data(REMOVE, { input: { endpointId } }, udi)).removeWebhookEndpoint.status).toBe('REMOVED');
    expect((await t.data(ENDPOINTS, {}, udi)).webhookEndpoints).toEqual([]);
    expect((await t.gql(ENABLE, { input: { endpointId } }, udi)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('sends nothing to an erased person: the notification is withheld', async () => {
    await t.data(`mutation($input: PersonDataInput!) { forgetPerson(input: $input) { id erased } }`, { input: { personId: ulf, legalBasis: 'GDPR art. 17' } }, secretariat);
    const before = smtp.mails.length;
    const meetingId = await publishAgenda('Project group, April');
    const list = await eventually(() => sent(udi), (l) => l.some((n: { subjectId: string; status: string }) => n.subjectId === meetingId && n.status !== 'PENDING'), 'the withheld notification');
    expect(list.find((n: { subjectId: string }) => n.subjectId === meetingId)).toMatchObject({ status: 'WITHHELD', problem: 'RECIPIENT_ERASED' });
    expect(smtp.mails.length).toBe(before);
  });

  it('pages the sent list by cursor', async () => {
    const first = (await t.data(SENT, { first: 1 }, udi)).sentNotifications;
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.data(SENT, { first: 1, after: first.pageInfo.endCursor }, udi)).sentNotifications;
    expect(second.edges).toHaveLength(1);
    expect(second.edges[0].node.id).not.toBe(first.edges[0].node.id);
    expect((await t.gql(SENT, { first: 1, after: 'bm9wZQ' }, udi)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });
});

/** As production runs by default: no SMTP server, webhooks only to public addresses. */
describe('Notifications without SMTP, webhooks to public addresses only', () => {
  let t: TestApp;
  let secretariat: string;
  let rosa: string;

  beforeAll(async () => {
    t = await TestApp.start({ env: { KOM_NOTIFICATIONS_POLL_MS: '50' } });
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rita');
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses an endpoint on a loopback or private address, and a malformed URL as such; registers nothing', async () => {
    const register = (url: string) => t.gql(REGISTER, { input: { url, topics: ['ISSUE_STATUS_CHANGED'] } }, rosa);
    for (const url of ['http://127.0.0.1:8080/hook', 'http://[::1]/hook', 'https://169.254.169.254/latest', 'http://localhost/hook', 'http://10.0.0.8/hook', 'http://[::127.0.0.1]/hook', 'http://[::ffff:0:a9fe:a9fe]/hook']) {
      expect({ url, refusal: (await register(url)).errors?.[0]?.extensions }).toEqual({ url, refusal: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'WEBHOOK_URL_NOT_PUBLIC' }) });
    }
    expect((await register('ftp://example.org/hook')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WEBHOOK_URL' });
    expect((await t.data(ENDPOINTS, {}, rosa)).webhookEndpoints).toEqual([]);
  });

  it('records and lists a notification that no e-mail can carry yet', async () => {
    const rep = (await t.data(`mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }`, { input: { organizationId: 'org-rosa', name: 'Rita Rosa', email: 'rita@rosa.example' } }, secretariat)).addRepresentative.id;
    await t.data(SET_PREFS, { input: { topics: ['AGENDA_PUBLISHED'], representativeId: rep } }, rosa);
    const meetingId = (
      await t.data(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
        input: { kind: 'REFERENCE_GROUP', title: 'Referansegruppemøte', startsAt: '2031-03-04T09:00:00+01:00', endsAt: '2031-03-04T11:00:00+01:00', location: 'Oslo' },
      }, secretariat)
    ).scheduleMeeting.id as string;
    await t.data(`mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`, { input: { meetingId, title: 'Erfaringer' } }, secretariat);
    await t.data(`mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }`, { input: { meetingId } }, secretariat);
    const list = await eventually(async () => (await t.data(SENT, { first: 10 }, rosa)).sentNotifications.edges, (l) => l.length > 0, 'the recorded notification');
    expect(list.map((e: { node: object }) => e.node)).toEqual([expect.objectContaining({ topic: 'AGENDA_PUBLISHED', subjectId: meetingId, status: 'PENDING', attempts: 0 })]);
  });
});
