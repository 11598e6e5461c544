import { IsOptional, IsString, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ClassType, Field, ID, InputType, Int } from 'type-graphql';
import type { ReturnTypeFuncValue } from 'type-graphql/build/typings/decorators/types';
import { isIsoDate, isPhoneNumber, residentIdProblem } from '@community-grid/shared';

/**
 * Create and update inputs share one declaration per entity: a field is
 * required when creating (unless marked optional) and may be left out when
 * updating, where only the fields sent are changed and null clears a field.
 */
export type InputMode = 'create' | 'update';

export function Input(
  mode: InputMode,
  type: () => ReturnTypeFuncValue,
  options: { optional?: boolean; description?: string } = {},
): PropertyDecorator {
  const nullable = mode === 'update' || Boolean(options.optional);
  return (target, key) => {
    Field(type, { nullable, description: options.description })(target, key);
    if (nullable) IsOptional()(target, key as string);
  };
}

/** `id` and `version` on top of an entity's fields: the update input. */
export function UpdateInputType<T extends ClassType>(Fields: T) {
  @InputType(`${Fields.name}WithIdAndVersion`)
  class WithIdAndVersion extends Fields {
    @Field(() => ID) id!: string;
    @Field(() => Int, { description: 'The version you read.' }) version!: number;
  }
  return WithIdAndVersion;
}

/** A dated record's create input: its fields and the first day it is valid (default today). */
export function DatedCreateInputType<T extends ClassType>(Fields: T) {
  @InputType(`${Fields.name}WithValidFrom`)
  class WithValidFrom extends Fields {
    @Field(() => LocalDateResolver, { nullable: true, description: 'First day of validity (default today).' })
    @IsOptional()
    @IsLocalDate()
    validFrom?: string;
  }
  return WithValidFrom;
}

/** A dated record's correction: `id`, `version`, the day whose version is corrected, and the fields. */
export function DatedUpdateInputType<T extends ClassType>(Fields: T) {
  @InputType(`${Fields.name}Correction`)
  class Correction extends UpdateInputType(Fields) {
    @Field(() => LocalDateResolver, { nullable: true, description: 'The day whose version is corrected (default today).' })
    @IsOptional()
    @IsLocalDate()
    asOf?: string;
  }
  return Correction;
}

/** A dated change: `id`, the first day it takes effect, and the dated fields that change. */
export function DatedChangeInputType<T extends ClassType>(name: string, Fields: T) {
  @InputType(`${name}ChangeInput`)
  class Change extends Fields {
    @Field(() => ID) id!: string;
    @Field(() => LocalDateResolver, { description: 'First day of the change; may be in the future.' })
    @IsLocalDate()
    effectiveOn!: string;
  }
  return Change;
}

/** Text that must hold something besides white space, up to `max` characters. */
export function Text(max: number): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key as string);
    MaxLength(max, { message: `must be at most ${max} characters` })(target, key as string);
    custom('notBlank', (value) => typeof value === 'string' && value.trim().length > 0, 'must not be empty')(target, key as string);
  };
}

export const IsResidentIdNumber = () =>
  custom(
    'residentIdNumber',
    (value) => typeof value === 'string' && residentIdProblem(value) === null,
    ({ value }) => `is not a valid resident ID number: ${typeof value === 'string' ? residentIdProblem(value) : 'must be text'}`,
  );

export const IsPhone = () =>
  custom(
    'phone',
    (value) => typeof value === 'string' && isPhoneNumber(value),
    'must be a mobile number (11 digits) or a landline with area code (0971-1234567)',
  );

export const IsLocalDate = () =>
  custom('localDate', (value) => typeof value === 'string' && isIsoDate(value), 'must be a date as YYYY-MM-DD');

function custom(name: string, test: (value: unknown) => boolean, message: string | ((args: { value: unknown }) => string)) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message } as ValidationOptions,
      validator: { validate: test },
    });
}
