import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { InvalidInput } from '@kom/kernel';
import { encodeCursor } from './cursors';

/** No list answers more than this per page, whatever `first` says (also when passed as a variable). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface ConnectionShape<T> {
  edges: readonly Edge<T>[];
  pageInfo: PageInfo;
}

/** Relay connection types for a node type: `<Name>Connection` and `<Name>Edge`. */
export function Connection<T>(nodeType: Type<T>, name = nodeType.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => nodeType)
    node!: T;

    @Field(() => String)
    cursor!: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidInput('PAGE_SIZE_OUT_OF_RANGE', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/**
 * An edge whose cursor is encoded only when a query asks for it: most ask for the nodes alone, and
 * encoding every cursor of a page cost 5% of such a read (docs/benchmarks.md).
 */
class LazyEdge<T> implements Edge<T> {
  #cursor: string | undefined;
  constructor(
    readonly node: T,
    readonly keyOf: (row: T) => string,
  ) {}

  get cursor(): string {
    return (this.#cursor ??= encodeCursor(this.keyOf(this.node)));
  }
}

interface Edges {
  readonly size: number;
  readonly keyOf: (row: never) => string;
  readonly edges: readonly Edge<unknown>[];
}

/**
 * The edges made for a frozen page of rows, kept as long as the page is: a page `memoized` in
 * @kom/projections is shared by every request until the read models change, and so are its edges
 * (frozen too; an edge only ever adds its own cursor, the same for everyone).
 */
const edgesOfPage = new WeakMap<readonly unknown[], Edges>();

function edgesOf<T>(rows: readonly T[], size: number, keyOf: (row: T) => string): readonly Edge<T>[] {
  const kept = edgesOfPage.get(rows);
  if (kept !== undefined && kept.size === size && kept.keyOf === keyOf) return kept.edges as readonly Edge<T>[];
  const edges = rows.slice(0, size).map((node) => new LazyEdge(node, keyOf));
  if (!Object.isFrozen(rows)) return edges;
  edgesOfPage.set(rows, { size, keyOf, edges: Object.freeze(edges) });
  return edges;
}

/** `rows` holds up to size + 1 rows: the extra one only tells that another page exists. */
export function toConnection<T>(rows: readonly T[], size: number, keyOf: (row: T) => string): ConnectionShape<T> {
  const edges = edgesOf(rows, size, keyOf);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      get endCursor() {
        return edges.length ? edges[edges.length - 1]!.cursor : null;
      },
    },
  };
}
