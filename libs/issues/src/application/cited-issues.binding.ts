import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CitedIssuesSlot, type CitedIssues } from '@kom/meetings';
import { IssuesQueries } from '../read-models/issues.queries';

/** Tells the meetings context which issues exist, for agenda proposals that cite them. */
@Injectable()
export class CitedIssuesBinding implements CitedIssues, OnModuleInit {
  constructor(
    @Inject(IssuesQueries) private readonly issues: IssuesQueries,
    @Inject(CitedIssuesSlot) private readonly slot: CitedIssuesSlot,
  ) {}

  onModuleInit(): void {
    this.slot.bind(this);
  }

  unknown(issueIds: readonly string[]): string[] {
    return issueIds.filter((id) => this.issues.byId(id) === undefined);
  }
}
