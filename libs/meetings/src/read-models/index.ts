import type { Projection } from '@kom/projections';
import { actionItemsProjection } from './action-items.projection';
import { agendaProjection } from './agenda.projection';
import { agendaProposalsProjection } from './agenda-proposals.projection';
import { attendanceProjection } from './attendance.projection';
import { decisionsProjection } from './decisions.projection';
import { meetingsProjection } from './meetings.projection';
import { minutesProjection } from './minutes.projection';

/** The meetings context's read models, as meetings.context.ts lists them. */
export const meetingProjections: readonly Projection[] = [
  meetingsProjection,
  agendaProjection,
  attendanceProjection,
  decisionsProjection,
  actionItemsProjection,
  minutesProjection,
  agendaProposalsProjection,
];
