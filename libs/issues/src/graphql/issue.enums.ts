import { registerLabelledEnum, type Labels } from '@kom/platform';
import type { ExploitationForm, IssueCategory, IssueStatus } from '../domain/issue.events';

export const ISSUE_STATUS_LABELS = {
  SUBMITTED: { nb: 'Meldt inn', en: 'Submitted' },
  ON_REFERENCE_AGENDA: { nb: 'På referansegruppens saksliste', en: "On the reference group's agenda" },
  FORWARDED: { nb: 'Oversendt prosjektgruppen', en: 'Forwarded to the project group' },
  ON_PROJECT_AGENDA: { nb: 'På prosjektgruppens saksliste', en: "On the project group's agenda" },
  RESOLVED: { nb: 'Avgjort', en: 'Resolved' },
  WITHDRAWN: { nb: 'Trukket', en: 'Withdrawn' },
  CLOSED: { nb: 'Avsluttet', en: 'Closed' },
} as const satisfies Labels<IssueStatus>;

export const ISSUE_CATEGORY_LABELS = {
  INTERNATIONAL_FRAMEWORK: { nb: 'Internasjonalt rammeverk og samarbeid', en: 'International framework and cooperation' },
  COOPERATION_AND_COMPETENCE: { nb: 'Tverrfaglig samarbeid og kompetanse', en: 'Cross-agency cooperation and competence' },
  PREVENTION: { nb: 'Forebygging', en: 'Prevention' },
  IDENTIFICATION_AND_ASSISTANCE: { nb: 'Identifisering og bistand', en: 'Identification and assistance' },
  CHILDREN: { nb: 'Barn', en: 'Children' },
  PROSECUTION: { nb: 'Straffeforfølgning', en: 'Prosecution' },
} as const satisfies Labels<IssueCategory>;

export const EXPLOITATION_FORM_LABELS = {
  SEXUAL: { nb: 'Seksuell utnyttelse', en: 'Sexual exploitation' },
  FORCED_LABOUR: { nb: 'Tvangsarbeid', en: 'Forced labour' },
  BEGGING: { nb: 'Tigging', en: 'Begging' },
  FORCED_CRIME: { nb: 'Tvungen kriminalitet', en: 'Forced crime' },
  ORGAN_REMOVAL: { nb: 'Fjerning av organer', en: 'Organ removal' },
  OTHER: { nb: 'Annen utnyttelse', en: 'Other exploitation' },
} as const satisfies Labels<ExploitationForm>;

export const IssueStatusEnum = registerLabelledEnum<IssueStatus>('IssueStatus', ISSUE_STATUS_LABELS, "Where an issue is in its lifecycle.");
export const IssueCategoryEnum = registerLabelledEnum<IssueCategory>('IssueCategory', ISSUE_CATEGORY_LABELS, "The action plan's area an issue concerns.");
export const ExploitationFormEnum = registerLabelledEnum<ExploitationForm>('ExploitationForm', EXPLOITATION_FORM_LABELS, 'A form of exploitation an issue concerns.');
