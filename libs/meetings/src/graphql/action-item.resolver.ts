import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Lang, cursorPart, decodeCursorPair, labelIn, pageSize, toConnection } from '@kom/platform';
import { ActionItemsQueries, type ActionItemProgressView, type ActionItemView } from '../read-models/action-items.queries';
import { ACTION_ITEM_STATUS_LABELS } from './meeting.enums';
import { ActionItem, ActionItemConnection, ActionItemProgress, ActionItemsArgs } from './meeting.types';

/** An action item as a field resolver gets it; answered from a meeting's state (asOf) it brings that day (Europe/Oslo). */
/** Under meeting(asOf): the day and the instant it is read as of. */
export type ActionItemNode = ActionItemView & { snapshotToday?: string; snapshotAt?: string };

const cursorKey = (row: ActionItemView) => JSON.stringify([row.dueDate, row.id]);

/** Action items are read by every authenticated role. */
@Resolver(() => ActionItem)
export class ActionItemResolver {
  constructor(@Inject(ActionItemsQueries) private readonly queries: ActionItemsQueries) {}

  @Query(() => ActionItemConnection, {
    description: 'Action items by due date. Filter by responsible organisation, status, overdue (OPEN and due before today).',
  })
  actionItems(@Args() args: ActionItemsArgs) {
    const size = pageSize(args.first);
    const after = decodeCursorPair(args.after, cursorPart.date);
    const rows = this.queries.page({
      limit: size + 1,
      filter: args.filter ?? undefined,
      after: after ? { dueDate: after[0], id: after[1] } : undefined,
    });
    return toConnection(rows, size, cursorKey);
  }

  @Query(() => ActionItem, { nullable: true })
  actionItem(@Args('id', { type: () => ID }) id: string): ActionItemView | undefined {
    return this.queries.byId(id);
  }

  @ResolveField(() => String, { description: 'The status in Norwegian (NB, default) or English (EN).' })
  statusLabel(@Parent() item: ActionItemView, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(ACTION_ITEM_STATUS_LABELS[item.status], lang);
  }

  @ResolveField(() => [ActionItemProgress], { description: 'How it is going: the notes of the responsible organisation or the secretariat, oldest first (under asOf, those made by then).' })
  progress(@Parent() item: ActionItemNode): ActionItemProgressView[] {
    const notes = this.queries.progress(item.id);
    return item.snapshotAt ? notes.filter((n) => n.reportedAt <= new Date(item.snapshotAt!).toISOString()) : notes;
  }

  @ResolveField(() => Boolean, { description: 'OPEN and due before today (Europe/Oslo).' })
  overdue(@Parent() item: ActionItemNode): boolean {
    return item.status === 'OPEN' && item.dueDate < (item.snapshotToday ?? this.queries.today());
  }
}
