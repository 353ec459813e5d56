/** Time is injected so that deciders, tests and replays agree on "now". */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol.for('kom.Clock');

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and simulations: starts at a given time and moves only when told. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
