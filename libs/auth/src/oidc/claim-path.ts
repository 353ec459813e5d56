/**
 * Claim paths: where in a token's payload a value sits.
 *
 *   sub                                          a top-level claim
 *   consumer.ID                                  Maskinporten: the organisation the system acts for
 *   authorization_details[0].reportees[0].ID     Ansattporten: the organisation the employee acts for
 *   ["https://kom.example/claims"].org           a claim whose name is not an identifier
 *
 * Only own properties are followed (never a prototype), so a path cannot reach `__proto__` tricks.
 */
export type PathStep = string | number;

const STEP = /\.([A-Za-z_$][\w$:-]*)|\[(\d+)\]|\["([^"]+)"\]/y;
const HEAD = /([A-Za-z_$][\w$:-]*)|\["([^"]+)"\]/y;

export class ClaimPathSyntaxError extends Error {
  override readonly name = 'ClaimPathSyntaxError';
}

export function parseClaimPath(path: string): PathStep[] {
  HEAD.lastIndex = 0;
  const head = HEAD.exec(path);
  if (!head) throw new ClaimPathSyntaxError(`"${path}" is not a claim path`);
  const steps: PathStep[] = [head[1] ?? head[2]];
  let at = HEAD.lastIndex;
  while (at < path.length) {
    STEP.lastIndex = at;
    const step = STEP.exec(path);
    if (!step) throw new ClaimPathSyntaxError(`"${path}" is not a claim path (at character ${at + 1})`);
    steps.push(step[2] !== undefined ? Number(step[2]) : (step[1] ?? step[3]));
    at = STEP.lastIndex;
  }
  return steps;
}

export function readClaim(payload: unknown, steps: readonly PathStep[]): unknown {
  let value: unknown = payload;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(value) || step >= value.length) return undefined;
      value = value[step];
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(value, step)) return undefined;
      value = (value as Record<string, unknown>)[step];
    }
  }
  return value;
}
