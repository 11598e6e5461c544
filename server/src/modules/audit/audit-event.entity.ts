import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { declareScope } from '../../core/scope';

export enum AuditOperation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  /** Someone looked at unmasked personal data. */
  REVEAL = 'REVEAL',
  /** Someone found a resident by their full ID number or phone, or by its last 4 characters. */
  LOOKUP = 'LOOKUP',
}
registerEnumType(AuditOperation, { name: 'AuditOperation' });

/** `{ field: { before, after } }` for the fields a write changed. */
export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

@ObjectType({ description: 'One write: who, when, what, and the values before and after. Written in the same transaction as the write.' })
@Entity()
@Index(['entityType', 'entityId'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Field()
  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The account that wrote; null before accounts exist.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @Field()
  @Column({ length: 100 })
  actorName!: string;

  @Field(() => AuditOperation)
  @Column({ type: 'enum', enum: AuditOperation, enumName: 'audit_operation' })
  operation!: AuditOperation;

  @Field({ description: 'The GraphQL type written, e.g. Community.' })
  @Column({ length: 50 })
  entityType!: string;

  @Field(() => Int)
  @Column()
  entityId!: number;

  @Field(() => GraphQLJSONObject)
  @Column({ type: 'jsonb' })
  changes!: AuditChanges;

  @Field(() => String, {
    nullable: true,
    description: 'Shared by every write of one request or command (a move, an end of a unit, a plan).',
  })
  @Index()
  @Column({ type: 'uuid', nullable: true })
  correlationId!: string | null;
}

declareScope(AuditEvent, { kind: 'district' });
