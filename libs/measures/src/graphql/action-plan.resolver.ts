import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFound, type Actor } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { Lang } from '@kom/platform';
import { DEFAULT_PLAN_ID, type MeasureRef as Ref } from '../domain/action-plan.events';
import { RegisterActionPlanCommand } from '../application/register-action-plan.command';
import { RecordPlanMeasureCommand } from '../application/record-plan-measure.command';
import { RevisePlanMeasureCommand } from '../application/revise-plan-measure.command';
import { RecordMeasureStatusCommand } from '../application/record-measure-status.command';
import { MeasuresQueries, type ActionPlanRow, type MeasureRow } from '../read-models/measures.queries';
import {
  ActionPlan,
  ActionPlanArgs,
  MeasureRef,
  RecordMeasureStatusInput,
  RecordPlanMeasureInput,
  RegisterActionPlanInput,
  RevisePlanMeasureInput,
} from './action-plan.types';
import { Measure } from './measure.types';

type Meta = { actor: Actor; correlationId: string };

/** The action plans: reference data the secretariat keeps, read by everyone. */
@Resolver(() => ActionPlan)
export class ActionPlanResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(MeasuresQueries) private readonly queries: MeasuresQueries,
  ) {}

  @Query(() => [ActionPlan], { description: 'Every action plan, oldest first. Reference data: a list, not a connection.' })
  actionPlans(): ActionPlanRow[] {
    return this.queries.plans();
  }

  @Query(() => ActionPlan, { nullable: true, description: 'An action plan by its id (e.g. 2011-2014).' })
  actionPlan(@Args() args: ActionPlanArgs): ActionPlanRow | undefined {
    return this.queries.plan(args.id);
  }

  @ResolveField(() => String, { description: "The plan's title in Norwegian (NB, default) or English (EN, our translation)." })
  title(@Parent() plan: ActionPlanRow, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return lang === Lang.EN ? plan.titleEn : plan.titleNb;
  }

  @ResolveField(() => [Measure], { description: "The plan's measures by number." })
  measures(@Parent() plan: ActionPlanRow): MeasureRow[] {
    return this.queries.list({ plan: plan.id });
  }

  @Mutation(() => ActionPlan, { description: 'Registers an action plan with its period (the same plan again changes nothing).' })
  async registerActionPlan(@Args('input') input: RegisterActionPlanInput, @RequestMeta() meta: Meta): Promise<ActionPlanRow> {
    const { id, titleNb, titleEn, from, to } = input;
    await this.commands.execute(
      new RegisterActionPlanCommand({ type: 'RegisterActionPlan', planId: id, titleNb, titleEn, from, to, responsible: input.responsible ?? [] }, meta),
    );
    return this.mustPlan(id);
  }

  @Mutation(() => Measure, { description: "Records a measure of a plan, as the plan first words it." })
  async recordPlanMeasure(@Args('input') input: RecordPlanMeasureInput, @RequestMeta() meta: Meta): Promise<MeasureRow> {
    const { plan, ...measure } = input;
    await this.commands.execute(new RecordPlanMeasureCommand({ type: 'RecordPlanMeasure', planId: plan, ...measure }, meta));
    return this.mustMeasure(plan, input.number);
  }

  @Mutation(() => Measure, { description: "Records a measure's later wording or other responsible ministries, from a date." })
  async revisePlanMeasure(@Args('input') input: RevisePlanMeasureInput, @RequestMeta() meta: Meta): Promise<MeasureRow> {
    const { plan, ...revision } = input;
    await this.commands.execute(new RevisePlanMeasureCommand({ type: 'RevisePlanMeasure', planId: plan, ...revision }, meta));
    return this.mustMeasure(plan, input.number);
  }

  @Mutation(() => Measure, { description: "Records a measure's status in a year; CONTINUED names the later plan's measure." })
  async recordMeasureStatus(@Args('input') input: RecordMeasureStatusInput, @RequestMeta() meta: Meta): Promise<MeasureRow> {
    const continuedIn = input.continuedIn ? { plan: input.continuedIn.plan ?? DEFAULT_PLAN_ID, number: input.continuedIn.number } : null;
    await this.commands.execute(
      new RecordMeasureStatusCommand(
        {
          type: 'RecordMeasureStatus',
          planId: input.plan,
          number: input.number,
          year: input.year,
          status: input.status,
          continuedIn,
          knownPlans: this.queries.knownPlans(),
        },
        meta,
      ),
    );
    return this.mustMeasure(input.plan, input.number);
  }

  private mustPlan(id: string): ActionPlanRow {
    const plan = this.queries.plan(id);
    if (!plan) throw new NotFound('action plan', id);
    return plan;
  }

  private mustMeasure(plan: string, number: number): MeasureRow {
    const measure = this.queries.byNumber(number, plan);
    if (!measure) throw new NotFound('measure', `${plan}/${number}`);
    return measure;
  }
}

/** A (plan, number) citation, with the measure it names. */
@Resolver(() => MeasureRef)
export class MeasureRefResolver {
  constructor(@Inject(MeasuresQueries) private readonly queries: MeasuresQueries) {}

  @ResolveField(() => Measure, { nullable: true, description: 'The measure cited (null only if its plan no longer lists it).' })
  measure(@Parent() ref: Ref): MeasureRow | undefined {
    return this.queries.byNumber(ref.number, ref.plan);
  }
}


