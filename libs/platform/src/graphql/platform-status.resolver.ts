import { Inject } from '@nestjs/common';
import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { EVENT_STORE, eventStoreKind, type EventStore } from '@kom/event-store';

import { KOM_CONFIG, type KomConfig } from '../config/kom-config';
import { ProjectionsService } from '../nest/projections.service';
import { ReactorRegistry } from '../reactors/reactor-registry';

@ObjectType({ description: 'A read model and how far into the log it has come.' })
export class ProjectionStatus {
  @Field(() => String) name!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'Global log position of the last event applied (decimal).' }) position!: string;
}

@ObjectType({ description: 'A reactor (a workflow across aggregates) and how far into the log it has come.' })
export class ReactorStatus {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'new, running, stopped or failed.' }) state!: string;
  @Field(() => String, { description: 'Global log position of the last event handled (decimal).' }) position!: string;
}

@ObjectType({ description: 'The state of this replica.' })
export class PlatformStatus {
  @Field(() => String, { description: 'sqlite (embedded), kurrentdb or postgres.' }) eventStore!: string;
  @Field(() => String, { description: 'Position of the newest event in the log (decimal).' }) headPosition!: string;
  @Field(() => Boolean) caughtUp!: boolean;
  @Field(() => [ProjectionStatus]) projections!: ProjectionStatus[];
  @Field(() => [ReactorStatus]) reactors!: ReactorStatus[];
}

@Resolver()
export class PlatformStatusResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
    @Inject(KOM_CONFIG) private readonly config: KomConfig,
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
  ) {}

  @Query(() => PlatformStatus)
  async platformStatus(): Promise<PlatformStatus> {
    const head = await this.store.headPosition();
    const projections = this.projections.status().map((p) => ({ ...p, position: p.position.toString() }));
    return {
      eventStore: eventStoreKind(this.config.eventStoreUrl),
      headPosition: head.toString(),
      caughtUp: projections.every((p) => BigInt(p.position) >= head) && this.reactors.caughtUpWith(head),
      projections,
      reactors: this.reactors.status().map((r) => ({ ...r, position: r.position.toString() })),
    };
  }
}
