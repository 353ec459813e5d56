import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { SeededRandom } from './seeded-random';

export interface Operation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly field: string;
}

const ID_LIKE = /(^id$|Id$|Ids$)/;

/** Values no field should accept as they are, or accepts only to refuse them with a typed error. */
function hostileScalar(rng: SeededRandom, typeName: string): unknown {
  const strings = ['', ' ', 'x', 'x'.repeat(5000), '\u0000', '💥'.repeat(50), '2026-13-45', '2026-02-30', 'not a date', '1e400', '-1', '{}', '[]', 'null', '<script>', "'; DROP TABLE x; --", rng.id(), Buffer.from(JSON.stringify({})).toString('base64url')];
  const numbers = [-1, 0, 1, 2147483648, -2147483649, 1.5, Number.MAX_SAFE_INTEGER, 1e308];
  const anything = [null, true, 'true', 1, '1', {}, [], [null], { a: { b: 1 } }, 'NOPE'];
  switch (typeName) {
    case 'Int':
    case 'Float':
      return rng.chance(0.7) ? rng.pick(numbers) : rng.pick(anything);
    case 'Boolean':
      return rng.chance(0.5) ? rng.pick([true, false]) : rng.pick(anything);
    default:
      return rng.chance(0.8) ? rng.pick(strings) : rng.pick(anything);
  }
}

/**
 * A value for an input type: sometimes well-formed, often not (a wrong type, a missing required
 * field, an unknown enum value, an unknown field). Id-like fields get ids that name nothing stored.
 */
export function hostileValue(rng: SeededRandom, type: GraphQLInputType, name: string, depth = 0, forceIds = false): unknown {
  if (isNonNullType(type)) return rng.chance(0.05) ? null : hostileValue(rng, type.ofType, name, depth, forceIds);
  if (ID_LIKE.test(name) && !isListType(type)) return forceIds || rng.chance(0.8) ? rng.id() : hostileScalar(rng, 'String');
  if (isListType(type)) {
    if (rng.chance(0.1)) return hostileValue(rng, type.ofType, name, depth + 1, forceIds);
    const length = forceIds && ID_LIKE.test(name) ? rng.int(1, 3) : rng.pick([0, 1, 2, 3, 201]);
    return Array.from({ length }, () => hostileValue(rng, type.ofType, name.replace(/Ids$/, 'Id'), depth + 1, forceIds));
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return rng.chance(0.6) ? rng.pick(values) : rng.pick(['NOPE', values[0]?.toLowerCase(), 0, '', null]);
  }
  if (isInputObjectType(type)) {
    if (depth > 3 || rng.chance(0.05)) return rng.pick(['x', 1, [], null]);
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type);
      const idLike = ID_LIKE.test(field.name);
      if (!required && !(forceIds && idLike) && rng.chance(0.5)) continue;
      if (required && !(forceIds && idLike) && rng.chance(0.03)) continue;
      value[field.name] = hostileValue(rng, field.type, field.name, depth + 1, forceIds);
    }
    if (rng.chance(0.05)) value.unknownField = 1;
    return value;
  }
  return hostileScalar(rng, isScalarType(type) ? type.name : 'String');
}

function selection(rng: SeededRandom, field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isCompositeType(type)) return '';
  if (!isObjectType(type)) return '{ __typename }';
  const candidates = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const picked = Array.from({ length: rng.int(0, 3) }, () => rng.pick(candidates)).filter(Boolean);
  const parts = new Set(['__typename', ...picked.map((f) => `${f.name} ${isCompositeType(getNamedType(f.type)) ? '{ __typename }' : ''}`)]);
  return `{ ${[...parts].join(' ')} }`;
}

function typeName(arg: GraphQLArgument): string {
  return String(arg.type);
}

/**
 * One operation on a root field of the schema, with every argument passed as a hostile variable.
 * Mutations always name things that do not exist (ids of nothing), so none may succeed.
 */
export function hostileOperation(rng: SeededRandom, schema: GraphQLSchema, kind: 'query' | 'mutation' | 'subscription'): Operation | undefined {
  const root = kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return undefined;
  const fields = Object.values(root.getFields()).filter((f) => kind !== 'mutation' || f.args.some((a) => mentionsIds(a.type, a.name)));
  const field = rng.pick(fields);
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && rng.chance(0.4)) continue;
    declarations.push(`$${arg.name}: ${typeName(arg)}`);
    args.push(`${arg.name}: $${arg.name}`);
    const value = arg.name === 'after' ? hostileCursor(rng) : hostileValue(rng, arg.type, arg.name, 0, kind === 'mutation');
    if (value !== undefined) variables[arg.name] = value;
  }
  const head = declarations.length ? `${kind} Fuzz(${declarations.join(', ')})` : `${kind} Fuzz`;
  const call = args.length ? `${field.name}(${args.join(', ')})` : field.name;
  return { query: `${head} { ${call} ${selection(rng, field)} }`, variables, field: `${root.name}.${field.name}` };
}

/** Whether an argument (through input objects) carries an id the fuzzer can point at nothing. */
function mentionsIds(type: GraphQLInputType, name: string, depth = 0): boolean {
  if (depth > 4) return false;
  if (isNonNullType(type) || isListType(type)) return mentionsIds(type.ofType, name, depth);
  if (ID_LIKE.test(name)) return true;
  if (isInputObjectType(type)) {
    return Object.values(type.getFields()).some((f) => isNonNullType(f.type) && mentionsIds(f.type, f.name, depth + 1));
  }
  return false;
}

/** An `after` cursor: base64url of shapes no list produced, or not base64url at all. */
export function hostileCursor(rng: SeededRandom): unknown {
  const shapes: unknown[] = [{}, [], [1, 2], ['a'], ['a', 'b', 'c'], [null, null], 'x', null, 42, -1, 1e400, '1.5', [{}, {}], { draftedAt: 'x' }, ['', ''], [1e21, 'x']];
  const json = JSON.stringify(rng.pick(shapes)) ?? 'null';
  return rng.pick([
    Buffer.from(json).toString('base64url'),
    Buffer.from(json).toString('base64'),
    Buffer.from(rng.id()).toString('base64url'),
    rng.bytes(rng.int(1, 40)).toString('base64url'),
    '!!!',
    '====',
    'x'.repeat(3000),
    '',
    7,
  ]);
}
