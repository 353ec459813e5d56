import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Lang, labelIn } from '@kom/platform';
import { AgreementClause, CLAUSE_SECTION_LABELS } from './agreement.types';

@Resolver(() => AgreementClause)
export class AgreementClauseResolver {
  @ResolveField(() => String, { description: 'The section in Norwegian (NB, default) or English (EN).' })
  sectionLabel(@Parent() clause: AgreementClause, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(CLAUSE_SECTION_LABELS[clause.section], lang);
  }

  @ResolveField(() => String, { description: 'The clause in the language asked for; English falls back to Norwegian when there is no translation.' })
  text(@Parent() clause: AgreementClause, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return lang === Lang.EN && clause.en ? clause.en : clause.nb;
  }
}
