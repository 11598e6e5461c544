import { Arg, ClassType, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Permission } from '@community-grid/shared';
import { Allow } from './access';
import type { BaseEntity } from './base.entity';
import type { CrudService, UpdateInput } from './crud.service';
import type { ListOptions, ListResult } from './list/list-options';
import type { RequestContext } from './request-context';
import { Transactional } from './transactional';

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
  /** What reading and what writing this entity needs. */
  permissions: { read: Permission; write: Permission };
}

const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);

/**
 * The five operations every entity has, named after it. Each is one call into
 * the entity's service; domain resolvers extend this class with their fields.
 */
export function CrudResolver<T extends BaseEntity, C extends object, U extends UpdateInput>(config: CrudResolverConfig<T, C, U>) {
  const { entity, name, service, permissions } = config;

  @Resolver()
  abstract class Base {
    @Query(() => entity, { name: lowerFirst(name), nullable: true, description: `One ${name} by id; NOT_FOUND when there is none.` })
    @Allow(permissions.read)
    one(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<T> {
      return service.findOne(ctx, id);
    }

    @Query(() => config.list, { name: config.plural })
    @Allow(permissions.read)
    list(@Ctx() ctx: RequestContext, @Arg('options', () => config.listOptions, { nullable: true }) options?: ListOptions): Promise<ListResult<T>> {
      return service.findList(ctx, options);
    }

    @Mutation(() => entity, { name: `create${name}` })
    @Transactional()
    @Allow(permissions.write)
    create(@Ctx() ctx: RequestContext, @Arg('input', () => config.createInput) input: C): Promise<T> {
      return service.create(ctx, input);
    }

    @Mutation(() => entity, { name: `update${name}`, description: 'Send the version you read; a stale one is a CONFLICT.' })
    @Transactional()
    @Allow(permissions.write)
    update(@Ctx() ctx: RequestContext, @Arg('input', () => config.updateInput) input: U): Promise<T> {
      return service.update(ctx, input);
    }

    @Mutation(() => entity, { name: `delete${name}`, description: 'Returns the deleted record; refused with CONFLICT while dependants exist.' })
    @Transactional()
    @Allow(permissions.write)
    delete(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<T> {
      return service.delete(ctx, id);
    }
  }
  return Base;
}
