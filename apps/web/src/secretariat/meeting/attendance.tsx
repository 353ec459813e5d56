import { useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Checkbox, Fieldset, Heading, List, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { SecretariatMeetingDocument, SecretariatRecordAttendanceDocument } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { isConflict, refusalText, type MeetingContext } from './shared';

/**
 * A checkbox per member of the body on the meeting's date, saved as soon as it changes. The list is
 * sent whole with the revision it was read at; when the meeting changed meanwhile, the change is
 * applied once more to the list as it now stands (another organisation's tick is kept).
 */
export function Attendance({ context, started }: { context: MeetingContext; started: boolean }) {
  const { t, lang, language } = useI18n();
  const client = useApolloClient();
  const { meeting, members } = context;
  const [saving, setSaving] = useState<string | undefined>();
  // The box shows the choice at once; the server's list takes over once it is saved (or refused).
  const [pending, setPending] = useState<{ organizationId: string; attending: boolean } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [record] = useMutation(SecretariatRecordAttendanceDocument);
  const present = new Set(meeting.attendance.map((a) => a.organizationId));
  const published = meeting.agendaPublishedAt !== null && meeting.status !== 'CANCELLED';
  // Not disabled while saving: a disabled box would lose the keyboard's focus.
  const disabled = !published || !started;

  const toggle = async (organizationId: string, attending: boolean) => {
    if (saving !== undefined) return;
    setSaving(organizationId);
    setPending({ organizationId, attending });
    setError(undefined);
    const listFrom = (ids: Iterable<string>) => {
      const next = new Set(ids);
      if (attending) next.add(organizationId);
      else next.delete(organizationId);
      return [...next];
    };
    const send = (ids: string[], revision: number) => record({ variables: { input: { meetingId: meeting.id, organizationIds: ids, expectedRevision: revision }, lang } });
    const name = context.names.get(organizationId) ?? organizationId;
    try {
      try {
        await send(listFrom(present), meeting.revision);
      } catch (e) {
        if (!isConflict(e)) throw e;
        const fresh = await client.query({ query: SecretariatMeetingDocument, variables: { id: meeting.id, lang }, fetchPolicy: 'network-only' });
        const now = fresh.data?.meeting;
        if (!now) throw e;
        await send(listFrom(now.attendance.map((a) => a.organizationId)), now.revision);
      }
      context.announce(t(attending ? 'secretariat.meeting.attendance.present' : 'secretariat.meeting.attendance.absent', { organization: name }));
    } catch (e) {
      setError(t('secretariat.meeting.attendance.notSaved', { organization: name, reason: refusalText(t, e) }));
      await context.refresh();
    } finally {
      setSaving(undefined);
      setPending(undefined);
    }
  };

  if (context.readOnly) {
    // The record is closed: who was there, as a list to read rather than boxes that cannot be ticked.
    return (
      <section aria-labelledby="attendance-title" className="kom-stack">
        <Heading level={2} data-size="sm" id="attendance-title">
          {t('secretariat.meeting.attendance.title')}
        </Heading>
        <Paragraph data-size="sm">{t('secretariat.meeting.attendance.closed')}</Paragraph>
        <List.Unordered>
          {context.attendees.map((org) => (
            <List.Item key={org.id}>{org.name}</List.Item>
          ))}
        </List.Unordered>
      </section>
    );
  }
  return (
    <section aria-labelledby="attendance-title" className="kom-stack">
      <Heading level={2} data-size="sm" id="attendance-title">
        {t('secretariat.meeting.attendance.title')}
      </Heading>
      <Fieldset aria-describedby={error ? 'attendance-error' : undefined}>
        <Fieldset.Legend>{t('secretariat.meeting.attendance.legend', { day: formatDate(meeting.startsAt, language) })}</Fieldset.Legend>
        <Fieldset.Description>
          {!published
              ? t('secretariat.meeting.attendance.notPublished')
              : !started
                ? t('secretariat.meeting.attendance.notStarted')
                : t('secretariat.meeting.attendance.help')}
        </Fieldset.Description>
        <div className="kom-choices">
          {members.map((org) => (
            <Checkbox key={org.id} label={org.name} checked={pending?.organizationId === org.id ? pending.attending : present.has(org.id)} disabled={disabled} onChange={(e) => void toggle(org.id, e.target.checked)} />
          ))}
        </div>
        {members.length === 0 && <Paragraph data-size="sm">{t('secretariat.meeting.attendance.noMembers')}</Paragraph>}
        {error && <ValidationMessage id="attendance-error">{error}</ValidationMessage>}
      </Fieldset>
    </section>
  );
}
