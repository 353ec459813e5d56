import { Args, Field, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { InvalidInput } from '@kom/kernel';

/** The languages labels come in: Norwegian Bokmål and English. */
export enum Lang {
  NB = 'NB',
  EN = 'EN',
}
registerEnumType(Lang, { name: 'Lang', description: 'NB (Norwegian Bokmål) or EN (English).' });

export interface Label {
  readonly nb: string;
  readonly en: string;
}

export type Labels<K extends string> = { readonly [key in K]: Label };

export function labelIn(label: Label, lang: Lang = Lang.NB): string {
  return lang === Lang.EN ? label.en : label.nb;
}

const registry = new Map<string, Labels<string>>();

/**
 * A GraphQL enum whose values are language-independent keys, with a Norwegian and an English label
 * for each. Registers the enum type and makes its labels answerable by `enumValues(enum:)`.
 * The compiler insists every value has both labels.
 */
export function registerLabelledEnum<K extends string>(
  name: string,
  labels: Labels<K>,
  description?: string,
): { readonly [key in K]: key } {
  const values = Object.fromEntries(Object.keys(labels).map((k) => [k, k])) as { [key in K]: key };
  registerEnumType(values, { name, description });
  registry.set(name, labels);
  return values;
}

export function labelsOf(enumName: string): Labels<string> | undefined {
  return registry.get(enumName);
}

@ObjectType({ description: 'One value of an enum with its labels.' })
export class EnumValue {
  @Field(() => String, { description: 'The language-independent key, as used in queries and inputs.' })
  key!: string;

  @Field(() => String)
  nb!: string;

  @Field(() => String)
  en!: string;
}

@Resolver()
export class EnumValuesResolver {
  @Query(() => [EnumValue], { description: 'The values of a labelled enum (e.g. "OrganizationKind") with their NB and EN labels.' })
  enumValues(@Args('enum', { type: () => String }) enumName: string): EnumValue[] {
    const labels = labelsOf(enumName);
    if (!labels) throw new InvalidInput('UNKNOWN_ENUM', `No labelled enum named ${enumName}`);
    return Object.entries(labels).map(([key, label]) => ({ key, ...label }));
  }
}
