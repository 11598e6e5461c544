import { LocalDateResolver } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, ClassType, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, ResourceWith } from './access';
import type { BaseEntity } from './base.entity';
import type { CrudService, UpdateInput } from './crud.service';
import type { DatedEntity } from './dated';
import { IsLocalDate } from './inputs';
import type { ListOptions, ListResult } from './list/list-options';
import { CommandResultType, runCommand } from './command';
import { historyOf } from './history';
import { listFields, recordFields } from './list/columns';
import { Reads } from './reads';
import type { RequestContext } from './request-context';

export interface CrudResolverConfig<T extends BaseEntity, C extends object, U extends UpdateInput> {
  entity: ClassType<T>;
  /** Singular type name: `Community` gives community, createCommunity, updateCommunity, deleteCommunity. */
  name: string;
  /** Plural field name of the list query, e.g. `communities`. */
  plural: string;
  list: ClassType<ListResult<T>>;
  listOptions: ClassType<ListOptions>;
  createInput: ClassType<C>;
  updateInput: ClassType<U>;
  service: CrudService<T, C, U>;
  /** Its name in the permission table, whose list, show, create, edit and delete the operations need. */
  resource: ResourceWith<'list' | 'show' | 'create' | 'edit' | 'delete'>;
}

const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);

export const AS_OF = 'The day to answer for (default today, in Asia/Shanghai); nested fields inherit it.';

/** The day a field answers for: its own `asOf`, else the day its parent was read for, else today. */
export function dayOf(ctx: RequestContext, parent?: { asOf?: string } | null, asOf?: string | null): string {
  return asOf ?? parent?.asOf ?? ctx.today;
}

/**
 * The record a key points at, as of the day: the parent's own record read
 * for the same day, so a grid asked for its community as of another day
 * answers with the community it belonged to then. With the field's `info`,
 * the parent's statement reads only the columns its selection needs.
 */
export async function parentOn<T extends { id: number; asOf?: string }, P extends object>(
  ctx: RequestContext,
  entity: ClassType<T>,
  record: T,
  asOf: string | null | undefined,
  parent: ClassType<P>,
  key: keyof T & string,
  info?: GraphQLResolveInfo,
): Promise<P | null> {
  const day = dayOf(ctx, record, asOf);
  const self = day === record.asOf ? record : await ctx.loaders.byId(entity, day, [key]).load(record.id);
  const parentId = self?.[key] as unknown as number | null | undefined;
  return parentId == null ? null : ctx.loaders.byId(parent, day, info && recordFields(ctx.em, info, parent)).load(parentId);
}

/**
 * The five operations every entity has, named after it. Each is one call into
 * the entity's service; domain resolvers extend this class with their fields.
 * Every mutation runs in a transaction (a schema-wide middleware opens it).
 */
export function CrudResolver<T extends BaseEntity, C extends object, U extends UpdateInput>(config: CrudResolverConfig<T, C, U>) {
  const { entity, name, service, resource } = config;

  @Resolver()
  abstract class Base {
    @Query(() => entity, {
      name: lowerFirst(name),
      nullable: true,
      description: `One ${name} by id as of a day; NOT_FOUND when there is none. A dated record looked up outside its validity comes with its validity and nearest version.`,
    })
    @Allow(resource, 'show')
    one(
      @Ctx() ctx: RequestContext,
      @Arg('id', () => ID) id: string,
      @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string | null,
    ): Promise<T> {
      return service.findOne(ctx, id, dayOf(ctx, null, asOf));
    }

    @Query(() => config.list, {
      name: config.plural,
      description: `${name} records valid on the day (all of them with filter.includeEnded).`,
    })
    @Allow(resource, 'list')
    list(
      @Ctx() ctx: RequestContext,
      @Arg('options', () => config.listOptions, { nullable: true }) options?: ListOptions,
      @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string | null,
      @Info() info?: GraphQLResolveInfo,
    ): Promise<ListResult<T>> {
      return service.findList(ctx, options, { asOf: dayOf(ctx, null, asOf), fields: info && listFields(ctx.em, info, entity) });
    }

    @Mutation(() => entity, { name: `create${name}` })
    @Allow(resource, 'create')
    create(@Ctx() ctx: RequestContext, @Arg('input', () => config.createInput) input: C): Promise<T> {
      return service.create(ctx, input);
    }

    @Mutation(() => entity, {
      name: `update${name}`,
      description:
        'A correction: fixes the record (for dated records, the version valid on input.asOf) in place, creating no history. Send the version you read; a stale one is a CONFLICT.',
    })
    @Allow(resource, 'edit')
    update(@Ctx() ctx: RequestContext, @Arg('input', () => config.updateInput) input: U): Promise<T> {
      return service.update(ctx, input);
    }

    @Mutation(() => entity, {
      name: `delete${name}`,
      description: 'Removes a record created by mistake; refused with CONFLICT while anything refers to it (end a unit instead).',
    })
    @Allow(resource, 'delete')
    delete(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<T> {
      return service.delete(ctx, id);
    }
  }
  return Base;
}

/**
 * CRUD plus what a dated record has: its history (one entry per version,
 * each read as of its first day), a dated change from an effective day, and
 * an end on a last day. Changes and ends are commands: `dryRun` runs the same
 * code and rolls it back.
 */
export function DatedCrudResolver<
  T extends DatedEntity,
  C extends object,
  U extends UpdateInput,
  H extends { id: string; effectiveOn: string },
>(
  config: CrudResolverConfig<T, C, U> & { resource: ResourceWith<'change' | 'end'>; changeInput: ClassType<H>; changeDescription: string },
) {
  const { entity, name, service } = config;
  const resource = config.resource as ResourceWith<'change' | 'end'>;
  const Result = CommandResultType(name, entity);

  @Resolver(() => entity)
  abstract class Dated extends CrudResolver(config) {
    @FieldResolver(() => [entity], { description: 'Every version of this record, oldest first, each read as of its first day.' })
    @Reads()
    history(@Root() record: T, @Ctx() ctx: RequestContext): Promise<T[]> {
      return historyOf(ctx, entity).load(record.id);
    }

    @Mutation(() => Result, {
      name: `change${name}`,
      description: `${config.changeDescription} A dated change from input.effectiveOn (which may be in the future); the past keeps its answer. With dryRun, nothing is kept.`,
    })
    @Allow(resource, 'change')
    change(
      @Ctx() ctx: RequestContext,
      @Arg('input', () => config.changeInput) input: H,
      @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
    ) {
      return runCommand(ctx, dryRun, () => service.change(ctx, input as never));
    }

    @Mutation(() => Result, {
      name: `end${name}`,
      description: `Ends the ${name}: lastDay is its last valid day. Nothing is deleted. With dryRun, nothing is kept.`,
    })
    @Allow(resource, 'end')
    end(
      @Ctx() ctx: RequestContext,
      @Arg('id', () => ID) id: string,
      @Arg('lastDay', () => LocalDateResolver) lastDay: string,
      @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
    ) {
      return runCommand(ctx, dryRun, () => service.end(ctx, id, lastDay));
    }
  }
  return Dated;
}

export { IsLocalDate };
