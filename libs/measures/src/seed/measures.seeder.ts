import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR, type Decider } from '@kom/kernel';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CLOCK, EventSchemaRegistry, ProjectionsService, executeCommand, type Clock } from '@kom/platform';
import { actionPlanDecider, actionPlanStream, type ActionPlanCommand, type ActionPlanState, type KnownPlan } from '../domain/action-plan.decider';
import type { ActionPlanEvent } from '../domain/action-plan.events';
import { ACTION_PLANS, type ActionPlanData } from '../domain/action-plans.data';

type SeedPlan = { type: 'SeedActionPlan'; commands: readonly ActionPlanCommand[] };

/** A plan's whole seed decided as one command, so it is appended at once (one stream, one revision). */
const seedDecider: Decider<SeedPlan, ActionPlanEvent, ActionPlanState> = {
  initialState: actionPlanDecider.initialState,
  evolve: actionPlanDecider.evolve,
  decide(command, state, context) {
    const events: ActionPlanEvent[] = [];
    let current = state;
    for (const step of command.commands) {
      const produced = actionPlanDecider.decide(step, current, context);
      current = produced.reduce(actionPlanDecider.evolve, current);
      events.push(...produced);
    }
    return events;
  },
};

/** The commands that register a plan, record its measures and their statuses. */
export function seedCommands(plan: ActionPlanData, knownPlans: readonly KnownPlan[]): ActionPlanCommand[] {
  const { planId } = plan;
  return [
    { type: 'RegisterActionPlan', planId, titleNb: plan.titleNb, titleEn: plan.titleEn, from: plan.from, to: plan.to, responsible: plan.responsible },
    ...plan.measures.map((m): ActionPlanCommand => ({ type: 'RecordPlanMeasure', planId, ...m })),
    ...plan.statuses.map((s): ActionPlanCommand => ({ type: 'RecordMeasureStatus', planId, ...s, knownPlans })),
  ];
}

/**
 * Records the action plans (reference data), once. A plan whose stream exists is skipped; event ids
 * derive from `seed:action-plan:<id>`, so replicas seeding at once append each plan once. Logs
 * written before plans were data hold MeasureRecorded events of the 2011–2014 plan: the read model
 * reads them as that plan's, and the plan's stream is seeded beside them with the same wording.
 */
@Injectable()
export class MeasuresSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('MeasuresSeeder');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EventSchemaRegistry) private readonly schemas: EventSchemaRegistry,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  /** The number of events appended (0 when every plan was there already). */
  async seed(plans: readonly ActionPlanData[] = ACTION_PLANS): Promise<number> {
    const deps = { store: this.store, clock: this.clock, schemas: this.schemas };
    const knownPlans: KnownPlan[] = plans.map((p) => ({ planId: p.planId, from: p.from, to: p.to, measures: p.measures.map((m) => m.number) }));
    let total = 0;
    for (const plan of plans) {
      const stream = actionPlanStream(plan.planId);
      if ((await this.store.streamRevision(stream)) !== undefined) continue;
      const outcome = await executeCommand(deps, seedDecider, stream, { type: 'SeedActionPlan', commands: seedCommands(plan, knownPlans) }, {
        actor: SYSTEM_ACTOR,
        correlationId: 'seed:action-plans',
        causationId: `seed:action-plan:${plan.planId}`,
        deriveEventIds: true,
      });
      total += outcome.events.length;
    }
    await this.projections.waitFor(await this.store.headPosition());
    if (total > 0) this.logger.log({ msg: 'Seeded the action plans', events: total });
    return total;
  }
}
