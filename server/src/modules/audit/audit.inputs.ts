import { Field, InputType, registerEnumType } from 'type-graphql';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { DateTimeOperators, EnumOperators, IdOperators, NumberOperators, StringOperators } from '../../core/list/operators';
import { AuditEvent, AuditOperation } from './audit-event.entity';

const AuditOperationOperators = EnumOperators(AuditOperation, 'AuditOperation');

@InputType()
export class AuditEventFilter extends BaseFilter {
  @Field({ nullable: true, description: 'e.g. { eq: "Community" }' }) entityType?: StringOperators;
  @Field({ nullable: true }) entityId?: NumberOperators;
  @Field(() => AuditOperationOperators, { nullable: true }) operation?: object;
  @Field({ nullable: true }) actorId?: IdOperators;
  @Field({ nullable: true }) occurredAt?: DateTimeOperators;
}

export enum AuditEventSortField {
  occurredAt = 'occurredAt',
  entityType = 'entityType',
  operation = 'operation',
}
registerEnumType(AuditEventSortField, { name: 'AuditEventSortField' });

export const AuditEventListOptions = ListOptionsType('AuditEvent', AuditEventFilter, AuditEventSortField);
export const AuditEventList = PaginatedType('AuditEvent', AuditEvent);
