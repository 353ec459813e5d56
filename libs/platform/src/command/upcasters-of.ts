import { Upcasters } from '@kom/kernel';
import type { BoundedContext } from '../bounded-context';

/** The upcasters of every context, chained per event type (refused when a version step is missing). */
export function upcastersOf(contexts: readonly BoundedContext[]): Upcasters {
  return new Upcasters(contexts.flatMap((c) => c.upcasters ?? []));
}
