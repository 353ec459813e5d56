import { Forbidden, InvalidInput, InvalidState, SYSTEM_ACTOR } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { measureDecider, type MeasureCommand } from './measure.decider';
import type { MeasureEvent } from './measure.events';

const given = deciderSpec(measureDecider);
const record: MeasureCommand = {
  type: 'RecordMeasure',
  number: 34,
  titleNb: ' Inngå samarbeidsavtaler mellom  politiet og andre aktører ',
  titleEn: 'Enter into cooperation agreements between the police and other actors',
  area: 'PROSECUTION',
  ministries: ['JD'],
};
const recorded: MeasureEvent = {
  type: 'MeasureRecorded',
  data: {
    number: 34,
    titleNb: 'Inngå samarbeidsavtaler mellom politiet og andre aktører',
    titleEn: 'Enter into cooperation agreements between the police and other actors',
    area: 'PROSECUTION',
    ministries: ['JD'],
  },
};
const agency = { userId: 'u-udi', organizationId: 'org-udi', role: 'AGENCY_MEMBER' as const };

describe('measure decider', () => {
  it('records a measure of the plan, tidying the titles', () => given([]).when(record, { actor: SYSTEM_ACTOR }).then([recorded]));

  it('keeps the ministries in the given order, lead ministry first, without repeats', () =>
    given([])
      .when({ ...record, number: 16, ministries: ['BLD', 'JD', 'AD', 'HOD', 'JD'] })
      .then([{ type: 'MeasureRecorded', data: { ...recorded.data, number: 16, ministries: ['BLD', 'JD', 'AD', 'HOD'] } }]));

  it('changes nothing when the same measure is recorded again', () => given([recorded]).when(record).then([]));

  it('refuses to record a measure again with other content', () =>
    given([recorded]).when({ ...record, titleEn: 'Something else' }).thenThrows(InvalidState, 'MEASURE_ALREADY_RECORDED'));

  it('refuses numbers outside 1 to 35', () => {
    given([]).when({ ...record, number: 0 }).thenThrows(InvalidInput, 'MEASURE_NUMBER_OUT_OF_RANGE');
    given([]).when({ ...record, number: 36 }).thenThrows(InvalidInput, 'MEASURE_NUMBER_OUT_OF_RANGE');
    given([]).when({ ...record, number: 2.5 }).thenThrows(InvalidInput, 'MEASURE_NUMBER_OUT_OF_RANGE');
  });

  it('needs titles, a known area and at least one known ministry', () => {
    given([]).when({ ...record, titleNb: ' ' }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
    given([]).when({ ...record, titleEn: 'x'.repeat(401) }).thenThrows(InvalidInput, 'TITLE_TOO_LONG');
    given([]).when({ ...record, area: 'ELSEWHERE' as never }).thenThrows(InvalidInput, 'UNKNOWN_AREA');
    given([]).when({ ...record, ministries: [] }).thenThrows(InvalidInput, 'MINISTRY_REQUIRED');
    given([]).when({ ...record, ministries: ['JD', 'NHD' as never] }).thenThrows(InvalidInput, 'UNKNOWN_MINISTRY');
  });

  it('lets only the secretariat or the platform record measures', () =>
    given([]).when(record, { actor: agency }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
});
