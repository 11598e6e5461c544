import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { CalendarDayKind } from '@community-grid/shared';
import { BaseEntity } from '../../core/base.entity';
import { declareScope } from '../../core/scope';

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'HOLIDAY: a weekday without work; WORKDAY: a weekend day with work (make-up day).',
});

/**
 * An exception to the weekly rule (Monday to Friday work): a public holiday
 * or a make-up working day. Officials keep the calendar; due dates count the
 * working days it gives.
 */
@ObjectType({
  description: 'A day of the working-day calendar that departs from Monday-to-Friday: a public holiday or a make-up working day.',
})
@Entity()
export class CalendarDay extends BaseEntity {
  @Field(() => LocalDateResolver)
  @Index({ unique: true })
  @Column({ type: 'date' })
  day!: string;

  @Field(() => CalendarDayKind)
  @Column({ type: 'enum', enum: CalendarDayKind, enumName: 'calendar_day_kind' })
  kind!: CalendarDayKind;

  @Field({ description: 'What the day is, e.g. "国庆节 National Day".' })
  @Column({ length: 100, default: '' })
  name!: string;
}

declareScope(CalendarDay, { kind: 'structure' });
