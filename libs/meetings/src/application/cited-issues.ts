import { Injectable } from '@nestjs/common';

/**
 * Which issues exist, for a proposal that cites them. The meetings context knows nothing of issues;
 * the issues context (which builds on this one) binds an implementation once it is up. Unbound, no
 * issue is known, so a proposal citing one is refused rather than recorded unchecked.
 */
export interface CitedIssues {
  unknown(issueIds: readonly string[]): string[] | Promise<string[]>;
}

@Injectable()
export class CitedIssuesSlot {
  private bound: CitedIssues | undefined;

  bind(implementation: CitedIssues): void {
    this.bound = implementation;
  }

  async unknown(issueIds: readonly string[]): Promise<string[]> {
    if (issueIds.length === 0) return [];
    return this.bound ? await this.bound.unknown(issueIds) : [...issueIds];
  }
}
