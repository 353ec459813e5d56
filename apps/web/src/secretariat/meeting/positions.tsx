import { Fieldset, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { Position } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { POSITIONS, type Org, type PositionLabels } from './shared';

export interface PositionChoice {
  readonly position: Position | '';
  readonly reason: string;
}
export type PositionChoices = Readonly<Record<string, PositionChoice>>;

/** A dissent states its reason: the organisations whose reason is missing, with the message for each. */
export function missingReasons(choices: PositionChoices, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [id, choice] of Object.entries(choices)) if (choice.position === 'OBJECTS' && choice.reason.trim() === '') errors[id] = message;
  return errors;
}

/**
 * Each attending organisation's position: support, dissent (with its reason, asked for at the field)
 * or abstain; "not recorded" while none is on record.
 */
export function PositionFields({
  idPrefix,
  attendees,
  labels,
  value,
  recorded,
  errors,
  onChange,
}: {
  idPrefix: string;
  attendees: readonly Org[];
  labels: PositionLabels;
  value: PositionChoices;
  /** Organisations with a position on record: it can be changed, not removed. */
  recorded?: ReadonlySet<string>;
  errors: Readonly<Record<string, string>>;
  onChange: (organizationId: string, choice: PositionChoice) => void;
}) {
  const { t, language } = useI18n();
  const label = (key: Position) => labels.find((l) => l.key === key)?.[language] ?? key;
  return (
    <div className="kom-positions">
      {attendees.map((org) => {
        const choice = value[org.id] ?? { position: '', reason: '' };
        const name = `${idPrefix}-${org.id}`;
        return (
          <Fieldset key={org.id} data-size="sm">
            <Fieldset.Legend>{org.name}</Fieldset.Legend>
            <div className="kom-choices">
              {!recorded?.has(org.id) && (
                <Radio name={name} value="" label={t('secretariat.meeting.position.none')} checked={choice.position === ''} onChange={() => onChange(org.id, { ...choice, position: '' })} />
              )}
              {POSITIONS.map((key) => (
                <Radio key={key} name={name} value={key} label={label(key)} checked={choice.position === key} onChange={() => onChange(org.id, { ...choice, position: key })} />
              ))}
            </div>
            {choice.position === 'OBJECTS' && (
              <Textfield
                multiline
                rows={2}
                label={t('secretariat.meeting.position.reason', { organization: org.name })}
                value={choice.reason}
                onChange={(e) => onChange(org.id, { ...choice, reason: e.target.value })}
                error={errors[org.id]}
              />
            )}
            {choice.position !== 'OBJECTS' && errors[org.id] && <ValidationMessage>{errors[org.id]}</ValidationMessage>}
          </Fieldset>
        );
      })}
    </div>
  );
}
