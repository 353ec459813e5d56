import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

/**
 * Operations built from the schema itself, so that a test over "every mutation" covers tomorrow's
 * mutations without being edited: a document per field and the smallest input its types accept.
 */

const ORGANIZATION_FIELD = /(^|[a-z])(organizationId|OrganizationId|partyId|PartyId)$|^organizationIds$/;

/** Real ids by input field name (`meetingId`, `issueId`, ...), so a call can aim at records that exist. */
export type KnownIds = Readonly<Record<string, string>>;

/** The smallest value of a GraphQL input type; organisation ids point at `org`, other ids at `ids` when known. */
export function minimal(type: GraphQLInputType, name: string, org: string, depth = 0, ids: KnownIds = {}): unknown {
  if (depth > 8) return null;
  if (isNonNullType(type)) return minimal(type.ofType as GraphQLInputType, name, org, depth, ids);
  if (isListType(type)) {
    const item = minimal(type.ofType as GraphQLInputType, name, org, depth + 1, ids);
    return ORGANIZATION_FIELD.test(name) || isInputObjectType(getNamedType(type)) ? [item] : [];
  }
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || ORGANIZATION_FIELD.test(field.name) || ids[field.name]) value[field.name] = minimal(field.type, field.name, org, depth + 1, ids);
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      default:
        if (ORGANIZATION_FIELD.test(name) || /^organizationIds?$/.test(name)) return org;
        if (ids[name]) return ids[name];
        if (/Id$|^id$/.test(name)) return 'matrix-no-such-id';
        return 'matrix';
    }
  }
  return null;
}

export function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `mutation${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

export function mutationVariables(field: GraphQLField<unknown, unknown>, org: string, ids: KnownIds = {}): Record<string, unknown> {
  return Object.fromEntries(field.args.map((a) => [a.name, minimal(a.type, a.name, org, 0, ids)]));
}
