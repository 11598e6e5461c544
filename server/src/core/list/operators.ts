import { ArrayMaxSize, IsNumber, MaxLength } from 'class-validator';
import { IsLocalDate } from '../inputs';
import { LocalDateResolver } from 'graphql-scalars';
import { ClassType, Field, ID, InputType, registerEnumType } from 'type-graphql';

/**
 * Filter operators, one input type per kind of value. The list query builder
 * reads the operator names, so every entity's filter works the same way.
 */

/** Most values in one `ids` or `in` list. */
export const MAX_LIST_VALUES = 500;

@InputType({ description: 'Filter on a text field; `contains` ignores case.' })
export class StringOperators {
  @Field({ nullable: true }) @MaxLength(200) eq?: string;
  @Field(() => [String], { nullable: true }) @ArrayMaxSize(MAX_LIST_VALUES) @MaxLength(200, { each: true }) in?: string[];
  @Field({ nullable: true }) @MaxLength(200) contains?: string;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: 'Filter on a reference to another record.' })
export class IdOperators {
  @Field(() => ID, { nullable: true }) eq?: string;
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_LIST_VALUES) in?: string[];
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: 'Filter on a number; bounds are inclusive for lte/gte.' })
export class NumberOperators {
  @Field({ nullable: true }) @IsNumber() eq?: number;
  @Field({ nullable: true }) @IsNumber() lt?: number;
  @Field({ nullable: true }) @IsNumber() lte?: number;
  @Field({ nullable: true }) @IsNumber() gt?: number;
  @Field({ nullable: true }) @IsNumber() gte?: number;
}

@InputType({ description: 'Filter on a calendar date (YYYY-MM-DD).' })
export class DateOperators {
  @Field(() => LocalDateResolver, { nullable: true }) @IsLocalDate() eq?: string;
  @Field(() => LocalDateResolver, { nullable: true }) @IsLocalDate() lt?: string;
  @Field(() => LocalDateResolver, { nullable: true }) @IsLocalDate() lte?: string;
  @Field(() => LocalDateResolver, { nullable: true }) @IsLocalDate() gt?: string;
  @Field(() => LocalDateResolver, { nullable: true }) @IsLocalDate() gte?: string;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: 'Filter on a point in time.' })
export class DateTimeOperators {
  @Field({ nullable: true }) lt?: Date;
  @Field({ nullable: true }) gte?: Date;
}

@InputType()
export class BooleanOperators {
  @Field({ nullable: true }) eq?: boolean;
}

/** Operators for one enum: equality and membership. */
export function EnumOperators<E extends Record<string, string>>(enumType: E, enumName: string): ClassType {
  @InputType(`${enumName}Operators`)
  class Operators {
    @Field(() => enumType, { nullable: true }) eq?: E[keyof E];
    @Field(() => [enumType], { nullable: true }) in?: Array<E[keyof E]>;
  }
  return Operators;
}

/** Operators for a set-valued enum column (tags): has every one, or any one, of the given values. */
export function EnumSetOperators<E extends Record<string, string>>(enumType: E, enumName: string): ClassType {
  @InputType(`${enumName}SetOperators`)
  class Operators {
    @Field(() => [enumType], { nullable: true }) hasAll?: Array<E[keyof E]>;
    @Field(() => [enumType], { nullable: true }) hasAny?: Array<E[keyof E]>;
  }
  return Operators;
}

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });
