import { startSmtpReceiver, startWebhookReceiver } from '@kom/notifications/testing';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * Notifications in a real browser: an NGO representative chooses to hear about published agendas
 * at her organisation's address, the secretariat publishes one, the e-mail arrives and the page
 * lists it as sent; she registers a webhook endpoint (the secret shown once) and removes it. Every
 * page is checked with axe-core in Norwegian and English; the choices are also saved with the
 * keyboard only; an auditor sees the list and no form.
 */
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;

// The mail and webhook receivers start first: the application is told their addresses.
describeInBrowser(
  'notifications in the browser',
  async () => {
    smtp = await startSmtpReceiver();
    hooks = await startWebhookReceiver();
    return { env: { KOM_SMTP_URL: smtp.url, KOM_NOTIFICATIONS_POLL_MS: '50', KOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' } };
  },
  (suite) => {
    let t: TestApp;
    let base: string;
    let browser: Browser;
    let secretariat: string;

    const publishAgenda = async (kind: string, title: string) => {
      const meetingId = (
        await t.data(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
          input: { kind, title, startsAt: '2031-03-04T09:00:00+01:00', endsAt: '2031-03-04T11:00:00+01:00', location: 'Oslo' },
        }, secretariat)
      ).scheduleMeeting.id as string;
      await t.data(`mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`, { input: { meetingId, title: 'Erfaringer fra Oslo' } }, secretariat);
      await t.data(`mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }`, { input: { meetingId } }, secretariat);
    };

    beforeAll(async () => {
      ({ t, base, browser } = suite);
      secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
      const add = (organizationId: string, name: string, email: string) =>
        t.data(`mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }`, { input: { organizationId, name, email } }, secretariat);
      await add('org-rosa', 'Rita Rosa', 'rita@rosa.example');
      await add('org-noas', 'Nora Noas', 'nora@noas.example');
    }, 120_000);
    afterAll(async () => {
      await smtp?.close();
      await hooks?.close();
    });

    async function expectAccessible(page: Page) {
      expect(await accessibilityViolations(page)).toEqual([]);
    }

    async function signIn(page: Page, who: RegExp, path: string) {
      await page.goto(`${base}${path}`);
      await page.waitForURL(/\/sign-in/);
      await page.getByRole('button', { name: who }).click();
      await page.waitForURL(`${base}${path}`);
    }

    it('chooses agendas by e-mail, receives one, sees it sent, and manages a webhook endpoint', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signIn(page, /Logg inn som Rita Rosa/, '/notifications');
      await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
      await page.getByText('Ingen varsler ennå.').waitFor();
      await expectAccessible(page);

      await page.getByRole('checkbox', { name: 'Saksliste publisert' }).check();
      await page.getByRole('radio', { name: 'Med en gang' }).check();
      await page.getByLabel('E-postadresse (fra organisasjonens kontaktpersoner)').selectOption({ label: 'Rita Rosa <rita@rosa.example>' });
      await page.getByLabel('Varsle om frister så mange dager før').fill('0');
      await page.getByRole('button', { name: 'Lagre valgene' }).click();
      // The server's refusal, at the field it names; nothing typed is lost.
      await page.getByText('Skriv et helt antall dager fra 1 til 90.').waitFor();
      expect(await page.getByRole('checkbox', { name: 'Saksliste publisert' }).isChecked()).toBe(true);
      await page.getByLabel('Varsle om frister så mange dager før').fill('5');
      await page.getByRole('button', { name: 'Lagre valgene' }).click();
      await page.getByRole('status').getByText('Valgene er lagret.').waitFor();
      await expectAccessible(page);

      await publishAgenda('REFERENCE_GROUP', 'Referansegruppemøte mars');
      for (let i = 0; i < 200 && !smtp.mails.some((m) => JSON.stringify(m.to).includes('rita@rosa.example')); i += 1) await new Promise((r) => setTimeout(r, 50));
      const mail = smtp.mails.find((m) => JSON.stringify(m.to).includes('rita@rosa.example'));
      expect(mail?.subject).toBe('KOM: Sakslisten er publisert');
      await page.reload();
      const row = page.getByRole('row', { name: /Saksliste publisert/ });
      await row.getByText('Sendt', { exact: true }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'notifications');

      // The link in the e-mail lands on a page of the app.
      const link = /https?:\/\/[^/\s]+(\/meetings\/[^\s]+)/.exec(mail!.text ?? '')![1]!;
      await page.goto(`${base}${link}`);
      await page.getByRole('heading', { level: 1, name: 'Dokumenter' }).waitFor();
      await page.goBack();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await page.getByRole('row', { name: /Agenda published/ }).getByText('Sent', { exact: true }).waitFor();
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Your organisation’s webhooks' }).click();
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
      await page.getByText('No endpoints registered.').waitFor();
      await expectAccessible(page);
      await page.getByLabel('Address (URL)').fill(hooks.url);
      await page.getByRole('checkbox', { name: 'Agenda published' }).check();
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      const secret = page.getByLabel('Signing secret');
      await secret.waitFor();
      expect(await secret.inputValue()).toMatch(/^whsec_/);
      await expectAccessible(page);
      await screenshot(page, 'webhooks');

      await page.getByRole('button', { name: `Remove ${hooks.url}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Remove the endpoint?' });
      await dialog.getByRole('button', { name: 'Remove' }).click();
      await page.getByText('No endpoints registered.').waitFor();
      await page.getByRole('button', { name: 'Norsk' }).click();
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
      await expectAccessible(page);
      await context.close();
    }, 180_000);

    it('saves the choices with the keyboard only', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/notifications`);
      await page.waitForURL(/\/sign-in/);
      await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
      await tabTo(page, page.getByRole('button', { name: /Logg inn som Nora Noas/ }));
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/notifications`);
      await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
      await tabTo(page, page.getByRole('checkbox', { name: 'Saksliste endret etter publisering' }));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByRole('radio', { name: 'Med en gang' }));
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: 'Én samlet e-post per dag' }).isChecked()).toBe(true);
      await tabTo(page, page.getByRole('button', { name: 'Lagre valgene' }));
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('Valgene er lagret.').waitFor();
      const saved = await t.data(`{ notificationPreferences { topics cadence } }`, {}, await t.token('NGO_REPRESENTATIVE', 'org-noas', 'demo-noas'));
      expect(saved.notificationPreferences).toEqual({ topics: ['AGENDA_AMENDED'], cadence: 'DAILY_DIGEST' });
      await context.close();
    }, 120_000);

    it('shows an auditor the list only', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signIn(page, /Logg inn som Aud Revisor/, '/notifications');
      await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
      await page.getByText('Revisorer får ikke varsler.', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Lagre valgene' }).count()).toBe(0);
      await expectAccessible(page);
      await context.close();
    }, 120_000);
  },
);
