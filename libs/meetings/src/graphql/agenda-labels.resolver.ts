import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Lang, labelIn } from '@kom/platform';
import type { AgendaAmendmentView } from '../read-models/agenda.queries';
import type { MinutesView } from '../read-models/minutes.queries';
import { AGENDA_AMENDMENT_KIND_LABELS, MINUTES_STATUS_LABELS } from './meeting.enums';
import { AgendaAmendment, Minutes } from './meeting.types';

@Resolver(() => AgendaAmendment)
export class AgendaAmendmentResolver {
  @ResolveField(() => String, { description: 'The kind of change in Norwegian (NB, default) or English (EN).' })
  kindLabel(@Parent() amendment: AgendaAmendmentView, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(AGENDA_AMENDMENT_KIND_LABELS[amendment.kind], lang);
  }
}

@Resolver(() => Minutes)
export class MinutesResolver {
  @ResolveField(() => String, { description: 'The status in Norwegian (NB, default) or English (EN).' })
  statusLabel(@Parent() minutes: MinutesView, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(MINUTES_STATUS_LABELS[minutes.status], lang);
  }
}
