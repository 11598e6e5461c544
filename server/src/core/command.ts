import { GraphQLJSONObject } from 'graphql-scalars';
import { ClassType, Field, ID, Int, ObjectType } from 'type-graphql';
import { AuditChanges, AuditOperation } from '../modules/audit/audit-event.entity';
import type { RequestContext } from './request-context';

/** One write a command made (or, in a dry run, would make), as the audit trail records it. */
@ObjectType({ description: 'One write of a command: what the audit trail records for it.' })
export class CommandChange {
  @Field(() => AuditOperation) operation!: AuditOperation;
  @Field() entityType!: string;
  @Field(() => ID) entityId!: number;
  @Field(() => GraphQLJSONObject) changes!: AuditChanges;
}

export interface CommandOutcome<T> {
  dryRun: boolean;
  correlationId: string;
  record: T;
  changes: CommandChange[];
}

/** `<Name>CommandResult { dryRun correlationId record changes }`. */
export function CommandResultType<T extends object>(name: string, recordType: ClassType<T>): ClassType<CommandOutcome<T>> {
  @ObjectType(`${name}CommandResult`, { description: 'What a command did, or with dryRun would do (then nothing is kept).' })
  class Result implements CommandOutcome<T> {
    @Field({ description: 'True when nothing was kept.' }) dryRun!: boolean;
    @Field({ description: 'Carried by every audit row the command wrote.' }) correlationId!: string;
    @Field(() => recordType, { description: 'The record as the command leaves it, read as of the day it takes effect.' }) record!: T;
    @Field(() => [CommandChange]) changes!: CommandChange[];
    @Field(() => Int) changeCount!: number;
  }
  return Result;
}

/**
 * Runs a command in the request's transaction: the real run keeps its writes;
 * a dry run runs the very same code and rolls back to a savepoint, so the
 * preview cannot disagree with the real run. Either way it says what changed.
 */
export async function runCommand<T>(
  ctx: RequestContext,
  dryRun: boolean,
  work: () => Promise<T>,
): Promise<CommandOutcome<T> & { changeCount: number }> {
  const start = ctx.written.length;
  const record = await ctx.rehearsable(dryRun, work);
  const changes = ctx.written.slice(start);
  return { dryRun, correlationId: ctx.correlationId, record, changes, changeCount: changes.length };
}

export { AuditOperation };
