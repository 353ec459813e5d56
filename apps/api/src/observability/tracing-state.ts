// Whether a tracing SDK runs in this process: kept apart from tracing-sdk.ts so that reading it
// does not load the SDK.
let started = false;

export const tracingStarted = (): boolean => started;

export function setTracingStarted(value: boolean): void {
  started = value;
}
