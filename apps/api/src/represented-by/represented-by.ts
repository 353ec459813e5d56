import { Inject, Injectable } from '@nestjs/common';
import { canIdentifyRepresentatives, type Actor } from '@kom/kernel';
import { mayReadRestricted, RepresentativesQueries, type RepresentativeRow } from '@kom/organizations';

/**
 * A representative recorded by id on a signature, a position or a submission, as the register shows
 * it now to this reader: the name as registered today, null when the reader may not see that
 * organisation's representatives, and `erased: true` (no name) once the person was forgotten.
 */
@Injectable()
export class RepresentedBy {
  constructor(@Inject(RepresentativesQueries) private readonly representatives: RepresentativesQueries) {}

  async representative(representativeId: string | null | undefined, actor: Actor): Promise<RepresentativeRow | null> {
    if (!representativeId) return null;
    const row = await this.representatives.byId(representativeId, { revealRestricted: mayReadRestricted(actor) });
    if (!row || !canIdentifyRepresentatives(actor, row.organizationId)) return null;
    return row;
  }
}
