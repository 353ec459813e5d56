import type { NotificationRow } from '../read-models/notifications.queries';
import type { MailMessage } from './ports';

type Lang = 'nb' | 'en';

const SUBJECTS: Record<string, Record<Lang, string>> = {
  AGENDA_PUBLISHED: { nb: 'Sakslisten er publisert', en: 'The agenda is published' },
  AGENDA_AMENDED: { nb: 'Sakslisten er endret', en: 'The agenda was amended' },
  ISSUE_STATUS_CHANGED: { nb: 'En sak fra organisasjonen din har ny status', en: "An issue from your organisation changed state" },
  DECISION_ON_MY_ISSUE: { nb: 'Vedtak i en sak du meldte inn', en: 'A decision on an issue you raised' },
  ACTION_ITEM_ASSIGNED: { nb: 'Nytt oppfølgingspunkt til organisasjonen din', en: 'An action item assigned to your organisation' },
  ACTION_ITEM_DUE_SOON: { nb: 'Oppfølgingspunkt med frist snart', en: 'An action item is due soon' },
  ACTION_ITEM_OVERDUE: { nb: 'Oppfølgingspunkt over fristen', en: 'An action item is overdue' },
  AGREEMENT_AWAITING_SIGNATURE: { nb: 'En samarbeidsavtale venter på signatur', en: 'A cooperation agreement awaits signature' },
  AGREEMENT_EXPIRING: { nb: 'En samarbeidsavtale utløper snart', en: 'A cooperation agreement expires soon' },
  AGREEMENT_SIGNED_BY_ALL: { nb: 'En samarbeidsavtale er signert av alle parter', en: 'A cooperation agreement is signed by all parties' },
  WEBHOOK_DISABLED: { nb: 'Et webhook-endepunkt ble slått av etter gjentatte feil', en: 'A webhook endpoint was disabled after repeated failures' },
  DIGEST: { nb: 'Dagens varsler fra KOM', en: "The day's notifications from KOM" },
};

const PATHS: Record<string, (id: string) => string> = {
  MEETING: (id) => `/meetings/${encodeURIComponent(id)}`,
  ISSUE: (id) => `/issues/${encodeURIComponent(id)}`,
  ACTION_ITEM: () => `/action-items`,
  AGREEMENT: (id) => `/agreements/${encodeURIComponent(id)}`,
  WEBHOOK_ENDPOINT: () => `/notifications`,
  DIGEST: () => `/notifications`,
};

const LABEL = { nb: { open: 'Åpne i KOM', due: 'Frist', footer: 'Du får denne e-posten fordi du har valgt varsler i KOM. Endre valgene under Varsler.' }, en: { open: 'Open in KOM', due: 'Due', footer: 'You receive this e-mail because you chose notifications in KOM. Change them under Notifications.' } };

export const subjectLine = (topic: string, lang: Lang) => SUBJECTS[topic]?.[lang] ?? topic;
export const linkTo = (origin: string, subjectType: string, subjectId: string) => `${origin}${(PATHS[subjectType] ?? (() => '/'))(subjectId)}`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The e-mail for one notification (or a digest and its items): plain text and HTML, nb or en, with links. */
export function renderMail(n: NotificationRow, items: readonly NotificationRow[], to: string, origin: string, domain: string): MailMessage {
  const lang: Lang = n.language === 'en' ? 'en' : 'nb';
  const entries = (n.topic === 'DIGEST' ? items : [n]).map((item) => ({
    title: subjectLine(item.topic, lang),
    link: linkTo(origin, item.subjectType, item.subjectId),
    due: item.dueDate,
  }));
  const text = [
    subjectLine(n.topic, lang),
    '',
    ...entries.flatMap((e) => [`- ${e.title}${e.due ? ` (${LABEL[lang].due}: ${e.due})` : ''}`, `  ${LABEL[lang].open}: ${e.link}`]),
    '',
    LABEL[lang].footer,
  ].join('\n');
  const html =
    `<!doctype html><html lang="${lang}"><body><h1>${escapeHtml(subjectLine(n.topic, lang))}</h1><ul>` +
    entries.map((e) => `<li>${escapeHtml(e.title)}${e.due ? ` (${LABEL[lang].due}: ${escapeHtml(e.due)})` : ''} — <a href="${escapeHtml(e.link)}">${LABEL[lang].open}</a></li>`).join('') +
    `</ul><p>${escapeHtml(LABEL[lang].footer)}</p></body></html>`;
  return { messageId: `<${n.notificationId}@${domain}>`, to, subject: `KOM: ${subjectLine(n.topic, lang)}`, text, html, language: lang };
}

/** The webhook body: ids and types only, never names, addresses or free text. */
export function webhookPayload(n: NotificationRow, timestamp: Date): string {
  return JSON.stringify({
    type: `kom.${n.topic.toLowerCase()}`,
    timestamp: timestamp.toISOString(),
    data: {
      notificationId: n.notificationId,
      topic: n.topic,
      subject: { type: n.subjectType, id: n.subjectId },
      organizationId: n.organizationId,
      sourceEventId: n.sourceEventId,
      occurredAt: n.occurredAt,
      dueDate: n.dueDate,
    },
  });
}
