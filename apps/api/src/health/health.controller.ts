import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@kom/auth';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { LogIntegrity, ProjectionsService, ReactorRegistry, SHARED_STATE, type SharedStatePostgres } from '@kom/platform';

@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(LogIntegrity) private readonly integrity: LogIntegrity,
    @Inject(SHARED_STATE) private readonly sharedState: SharedStatePostgres | null,
  ) {}

  /**
   * Liveness: the process answers. Says nothing about its dependencies, so a restart cannot fix them.
   * `logIntegrity` reports the start-up check of the log: a broken chain (and its first invalid
   * position) is shown here, not failed, since a restart cannot mend a log either.
   */
  @Get()
  @HealthCheck()
  async live() {
    return { ...(await this.health.check([])), logIntegrity: this.integrity.status() };
  }

  /**
   * Readiness: the event store answers, this replica's read models have caught up with the log,
   * its reactors run and have caught up too, and the shared-state database (when there is one)
   * answers: without it no session, idempotency key or personal data can be read.
   */
  @Get('ready')
  @HealthCheck()
  async ready() {
    return { ...(await this.readiness()), logIntegrity: this.integrity.status() };
  }

  private readiness() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('eventStore');
        try {
          await this.store.ping();
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
      async () => {
        const indicator = this.indicators.check('projections');
        const caughtUp = await this.projections.isCaughtUp().catch(() => false);
        return caughtUp ? indicator.up() : indicator.down({ message: 'catching up with the event log' });
      },
      async () => {
        const indicator = this.indicators.check('reactors');
        const head = await this.store.headPosition().catch(() => undefined);
        const failed = this.reactors.status().filter((s) => s.state === 'failed').map((s) => s.name);
        if (failed.length) return indicator.down({ message: `stopped on an error: ${failed.join(', ')}` });
        return head !== undefined && this.reactors.caughtUpWith(head)
          ? indicator.up()
          : indicator.down({ message: 'catching up with the event log' });
      },
      ...(this.sharedState ? [() => this.sharedStateAnswers(this.sharedState!)] : []),
    ]);
  }

  private async sharedStateAnswers(shared: SharedStatePostgres) {
    const indicator = this.indicators.check('sharedState');
    try {
      await shared.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
