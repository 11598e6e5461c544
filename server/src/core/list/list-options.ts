import { ArrayMaxSize, IsInt, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ClassType, Field, getMetadataStorage, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_LIST_VALUES, SortOrder } from './operators';

export const MAX_TAKE = 100;
/** Longest `search` text: enough for any name or address, short enough to cost nothing. */
export const MAX_SEARCH_LENGTH = 100;
/** Longest cursor accepted: a few sort values and an id. */
export const MAX_CURSOR_LENGTH = 1000;
/**
 * A root list's `totalItems` counts at most this many rows: a broad match (a one-character name
 * search, every resident of the district) costs what counting this many does, and answers
 * `totalItemsIsExact: false` with `totalItems` = this cap, a lower bound.
 */
export const MAX_COUNT = 10_000;

/** What every list query accepts: `skip`, `take` (at most 100), `sort`, `filter`, and `after` (a cursor) for deep pages. */
export interface ListOptions<F = Record<string, unknown>> {
  skip?: number;
  after?: string;
  take?: number;
  sort?: Array<{ field: string; order?: SortOrder }>;
  filter?: F & { ids?: string[]; search?: string };
}

export interface ListResult<T> {
  items: T[];
  /** A promise when counted only on demand (see withLazyTotal): await it before using it as a number. */
  totalItems: number | Promise<number>;
  /** False when `totalItems` stopped at MAX_COUNT (at least that many rows match); a promise like `totalItems`. */
  totalItemsIsExact: boolean | Promise<boolean>;
  /** Where the next page starts (top-level lists, when the page is full). */
  nextCursor?: string | null;
}

/**
 * Builds `<Name>ListOptions` and `<Name>Sort` for one entity from its filter
 * input and its enum of sortable fields.
 */
export function ListOptionsType(name: string, filterType: ClassType, sortFieldEnum: object): ClassType<ListOptions> {
  validateOperators(filterType);
  @InputType(`${name}Sort`)
  class Sort {
    @Field(() => sortFieldEnum) field!: string;
    @Field(() => SortOrder, { defaultValue: SortOrder.ASC }) order!: SortOrder;
  }

  @InputType(`${name}ListOptions`)
  class Options implements ListOptions {
    @Field(() => Int, { nullable: true, description: 'Rows to skip (default 0).' })
    @IsInt()
    @Min(0)
    skip?: number;

    @Field(() => Int, { nullable: true, description: `Rows to return, 1 to ${MAX_TAKE} (default ${MAX_TAKE}).` })
    @IsInt()
    @Min(1)
    @Max(MAX_TAKE, { message: `must not be greater than ${MAX_TAKE}` })
    take?: number;

    @Field({
      nullable: true,
      description:
        "Rows after this cursor (a page's `nextCursor`, with the same sort): a deep page costs what the first does, where `skip` reads every row it skips.",
    })
    @IsString()
    @MaxLength(MAX_CURSOR_LENGTH, { message: `must be at most ${MAX_CURSOR_LENGTH} characters` })
    after?: string;

    @Field(() => [Sort], { nullable: true, description: 'Sort keys in order of precedence; id breaks ties.' })
    @ArrayMaxSize(5)
    sort?: Sort[];

    @Field(() => filterType, { nullable: true })
    @ValidateNested()
    filter?: Record<string, unknown>;
  }
  return Options;
}

/**
 * Entity filters name their operator inputs (`name: StringOperators`) without
 * @ValidateNested, so the bounds the operators declare (text length, list
 * size, calendar dates) would go unchecked: every input-object field of the
 * filter, inherited ones included, is marked for nested validation here.
 */
function validateOperators(filterType: ClassType): void {
  const storage = getMetadataStorage();
  const inputTypes = new Set<unknown>(storage.inputTypes.map((input) => input.target));
  for (let target: unknown = filterType; typeof target === 'function' && target !== Object; target = Object.getPrototypeOf(target)) {
    for (const field of storage.fields.filter((f) => f.target === target)) {
      if (!inputTypes.has(field.getType())) continue;
      ValidateIf((_object, value) => value !== null && value !== undefined)(filterType.prototype, field.name);
      ValidateNested()(filterType.prototype, field.name);
    }
  }
}

/** Fields every entity filter has: `ids` and a free-text `search`. */
@InputType('BaseFilter')
export class BaseFilter {
  @Field(() => [ID], { nullable: true, description: `Only these records (at most ${MAX_LIST_VALUES}).` })
  @ArrayMaxSize(MAX_LIST_VALUES)
  ids?: string[];

  @Field({
    nullable: true,
    description: `Free text (at most ${MAX_SEARCH_LENGTH} characters), matched case-insensitively against the main text fields.`,
  })
  @IsString()
  @MaxLength(MAX_SEARCH_LENGTH, { message: `must be at most ${MAX_SEARCH_LENGTH} characters` })
  search?: string;
}

/** What every dated entity's filter adds: records not valid on the day read too. */
@InputType('DatedFilter')
export class DatedFilter extends BaseFilter {
  @Field({
    nullable: true,
    description: 'Also records not valid on the day read (ended, or not yet started), each with its nearest version.',
  })
  includeEnded?: boolean;
}

/** `<Name>List { items, totalItems, totalItemsIsExact, nextCursor }`. */
export function PaginatedType<T extends object>(name: string, itemType: ClassType<T>): ClassType<ListResult<T>> {
  @ObjectType(`${name}List`)
  class List implements ListResult<T> {
    @Field(() => [itemType]) items!: T[];
    @Field(() => Int, {
      description: `All rows matching the filter, ignoring skip, take and after; a top-level list counts at most ${MAX_COUNT.toLocaleString('en')} (see totalItemsIsExact).`,
    })
    totalItems!: number;
    @Field(() => Boolean, {
      description: `False when more than ${MAX_COUNT.toLocaleString('en')} rows match a top-level list: totalItems is then ${MAX_COUNT.toLocaleString('en')}, a lower bound (narrow the filter, or page on with nextCursor).`,
    })
    totalItemsIsExact!: boolean;
    @Field(() => String, {
      nullable: true,
      description:
        'When the page is full: pass it as `options.after` (same sort) for the rows after this page. Null on a last page and in nested lists.',
    })
    nextCursor?: string | null;
  }
  return List;
}
