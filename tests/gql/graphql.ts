/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AuditOperation =
  | 'CREATE'
  | 'DELETE'
  | 'LOOKUP'
  | 'REVEAL'
  | 'UPDATE';

export type ChangeGridInput = {
  /** GeoJSON Polygon or MultiPolygon. */
  boundary?: Record<string, unknown> | null | undefined;
  /** Unique among the grids valid on the same day, e.g. "C01-G03". */
  code?: string | null | undefined;
  /** The community the grid belongs to (a change of it is a move). */
  communityId?: string | number | null | undefined;
  /** First day of the change; may be in the future. */
  effectiveOn: string;
  id: string | number;
  name?: string | null | undefined;
};

export type RelationToHead =
  | 'CHILD'
  | 'GRANDCHILD'
  | 'GRANDPARENT'
  | 'HEAD'
  | 'OTHER'
  | 'PARENT'
  | 'SIBLING'
  | 'SPOUSE';

export type Role =
  | 'COMMUNITY_COORDINATOR'
  | 'DISTRICT_ADMIN'
  | 'DISTRICT_OFFICIAL'
  | 'GRID_MEMBER'
  | 'REPORT_BUILDER'
  | 'WINDOW_STAFF';

export type ServiceWindowKind =
  | 'COMPREHENSIVE'
  | 'INTERMEDIARY';

export type UpdateAccountInput = {
  /** Required for coordinators (one or more) and window staff (exactly one). */
  communityIds?: Array<string | number> | null | undefined;
  /** A disabled account cannot sign in; its sessions end. */
  disabled?: boolean | null | undefined;
  displayName?: string | null | undefined;
  /** Required for grid members. */
  gridIds?: Array<string | number> | null | undefined;
  id: string | number;
  role?: Role | null | undefined;
  /** Required for grid members. */
  staffMemberId?: string | number | null | undefined;
  /** The version you read. */
  version: number;
};

export type DistrictTreeOnQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type DistrictTreeOnQuery = { districts: { items: Array<{ communityCount: number, offices: { totalItems: number, items: Array<{ name: string, communities: { totalItems: number, items: Array<{ code: string, name: string, grids: { totalItems: number } }> } }> }, communities: { totalItems: number, items: Array<{ code: string, name: string, office: { name: string } | null }> } }> } };

export type OfficeHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type OfficeHistoryQuery = { office: { name: string, validFrom: string, validUntil: string | null, validOnAsOf: boolean, history: Array<{ name: string, versionFrom: string, versionUntil: string | null }> } | null };

export type HouseholdOnQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type HouseholdOnQuery = { household: { gridId: string, grid: { id: string, households: { items: Array<{ id: string }> } }, history: Array<{ gridId: string, versionFrom: string, versionUntil: string | null }> } | null };

export type ResidentOnQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type ResidentOnQuery = { resident: { householdId: string, household: { residentCount: number, residents: { items: Array<{ id: string }> } } } | null };

export type ChangeGridFromMutationVariables = Exact<{
  input: ChangeGridInput;
  dryRun: boolean;
}>;


export type ChangeGridFromMutation = { changeGrid: { dryRun: boolean, correlationId: string, changeCount: number, changes: Array<{ operation: AuditOperation, entityType: string, entityId: string, changes: Record<string, unknown> }>, record: { communityId: string, code: string } } };

export type GridOnQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type GridOnQuery = { grid: { communityId: string, community: { gridCount: number, householdCount: number, grids: { items: Array<{ id: string }> } } } | null };

export type GridsOfCommunityOnQueryVariables = Exact<{
  c?: string | number | null | undefined;
  asOf?: string | null | undefined;
}>;


export type GridsOfCommunityOnQuery = { grids: { items: Array<{ id: string }> } };

export type SampleDistrictQueryVariables = Exact<{ [key: string]: never; }>;


export type SampleDistrictQuery = { districts: { totalItems: number, items: Array<{ name: string, nameEn: string, communityCount: number, offices: { items: Array<{ name: string, validUntil: string | null, successorCommunities: Array<{ name: string }> }> }, communities: { items: Array<{ name: string, nameEn: string, predecessorOffices: Array<{ name: string }>, predecessorCommunities: Array<{ name: string }> }> } }> } };

export type WholeDistrictQueryVariables = Exact<{ [key: string]: never; }>;


export type WholeDistrictQuery = { communities: { items: Array<{ id: string, gridCount: number, householdCount: number, residentCount: number, serviceWindows: { items: Array<{ kind: ServiceWindowKind }> }, staffMembers: { totalItems: number }, grids: { totalItems: number, items: Array<{ communityId: string, householdCount: number, residentCount: number, community: { id: string }, households: { totalItems: number, items: Array<{ gridId: string, residentCount: number, headResident: { relationToHead: RelationToHead } | null, residents: { totalItems: number, items: Array<{ householdId: string, household: { id: string } }> } }> } }> } }> } };

export type TokensCreateMutationVariables = Exact<{
  name: string;
  expiresInDays?: number | null | undefined;
}>;


export type TokensCreateMutation = { createApiToken: { token: string, apiToken: { id: string } } };

export type TokensMeQueryVariables = Exact<{ [key: string]: never; }>;


export type TokensMeQuery = { me: { username: string } };

export type TokensUpdateAccountMutationVariables = Exact<{
  input: UpdateAccountInput;
}>;


export type TokensUpdateAccountMutation = { updateAccount: { id: string } };

export type TokensResetPasswordMutationVariables = Exact<{
  id: string | number;
  password: string;
}>;


export type TokensResetPasswordMutation = { resetPassword: { id: string } };

export type TokensOfAccountQueryVariables = Exact<{
  accountId: string | number;
}>;


export type TokensOfAccountQuery = { accountApiTokens: Array<{ id: string, accountId: string, name: string, prefix: string, revokedAt: string | null }> };

export type TokensRevokeAccountTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type TokensRevokeAccountTokenMutation = { revokeAccountApiToken: { id: string, revokedAt: string | null } };

export type TokensRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type TokensRevokeMutation = { revokeApiToken: { id: string } };

export type TokensMineQueryVariables = Exact<{ [key: string]: never; }>;


export type TokensMineQuery = { apiTokens: Array<{ id: string, revokedAt: string | null, expiresAt: string }> };

export type TokensLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type TokensLogoutMutation = { logout: boolean };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DistrictTreeOnDocument = new TypedDocumentString(`
    query DistrictTreeOn($asOf: LocalDate) {
  districts(asOf: $asOf, options: {take: 1}) {
    items {
      communityCount
      offices(options: {take: 10}) {
        totalItems
        items {
          name
          communities {
            totalItems
            items {
              code
              name
              grids {
                totalItems
              }
            }
          }
        }
      }
      communities {
        totalItems
        items {
          code
          name
          office {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DistrictTreeOnQuery, DistrictTreeOnQueryVariables>;
export const OfficeHistoryDocument = new TypedDocumentString(`
    query OfficeHistory($id: ID!) {
  office(id: $id) {
    name
    validFrom
    validUntil
    validOnAsOf
    history {
      name
      versionFrom
      versionUntil
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeHistoryQuery, OfficeHistoryQueryVariables>;
export const HouseholdOnDocument = new TypedDocumentString(`
    query HouseholdOn($id: ID!, $asOf: LocalDate) {
  household(id: $id, asOf: $asOf) {
    gridId
    grid {
      id
      households(options: {take: 100}) {
        items {
          id
        }
      }
    }
    history {
      gridId
      versionFrom
      versionUntil
    }
  }
}
    `) as unknown as TypedDocumentString<HouseholdOnQuery, HouseholdOnQueryVariables>;
export const ResidentOnDocument = new TypedDocumentString(`
    query ResidentOn($id: ID!, $asOf: LocalDate) {
  resident(id: $id, asOf: $asOf) {
    householdId
    household {
      residents {
        items {
          id
        }
      }
      residentCount
    }
  }
}
    `) as unknown as TypedDocumentString<ResidentOnQuery, ResidentOnQueryVariables>;
export const ChangeGridFromDocument = new TypedDocumentString(`
    mutation ChangeGridFrom($input: ChangeGridInput!, $dryRun: Boolean!) {
  changeGrid(input: $input, dryRun: $dryRun) {
    dryRun
    correlationId
    changeCount
    changes {
      operation
      entityType
      entityId
      changes
    }
    record {
      communityId
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ChangeGridFromMutation, ChangeGridFromMutationVariables>;
export const GridOnDocument = new TypedDocumentString(`
    query GridOn($id: ID!, $asOf: LocalDate) {
  grid(id: $id, asOf: $asOf) {
    communityId
    community {
      grids {
        items {
          id
        }
      }
      gridCount
      householdCount
    }
  }
}
    `) as unknown as TypedDocumentString<GridOnQuery, GridOnQueryVariables>;
export const GridsOfCommunityOnDocument = new TypedDocumentString(`
    query GridsOfCommunityOn($c: ID, $asOf: LocalDate) {
  grids(asOf: $asOf, options: {filter: {communityId: {eq: $c}}, take: 100}) {
    items {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<GridsOfCommunityOnQuery, GridsOfCommunityOnQueryVariables>;
export const SampleDistrictDocument = new TypedDocumentString(`
    query SampleDistrict {
  districts(options: {take: 1}) {
    totalItems
    items {
      name
      nameEn
      communityCount
      offices(asOf: "2014-09-28") {
        items {
          name
          validUntil
          successorCommunities {
            name
          }
        }
      }
      communities {
        items {
          name
          nameEn
          predecessorOffices {
            name
          }
          predecessorCommunities {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SampleDistrictQuery, SampleDistrictQueryVariables>;
export const WholeDistrictDocument = new TypedDocumentString(`
    query WholeDistrict {
  communities(options: {take: 20}) {
    items {
      id
      gridCount
      householdCount
      residentCount
      serviceWindows(options: {take: 5}) {
        items {
          kind
        }
      }
      staffMembers {
        totalItems
      }
      grids(options: {take: 10}) {
        totalItems
        items {
          communityId
          householdCount
          residentCount
          community {
            id
          }
          households(options: {take: 30}) {
            totalItems
            items {
              gridId
              residentCount
              headResident {
                relationToHead
              }
              residents(options: {take: 10}) {
                totalItems
                items {
                  householdId
                  household {
                    id
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WholeDistrictQuery, WholeDistrictQueryVariables>;
export const TokensCreateDocument = new TypedDocumentString(`
    mutation TokensCreate($name: String!, $expiresInDays: Int) {
  createApiToken(input: {name: $name, expiresInDays: $expiresInDays}) {
    token
    apiToken {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TokensCreateMutation, TokensCreateMutationVariables>;
export const TokensMeDocument = new TypedDocumentString(`
    query TokensMe {
  me {
    username
  }
}
    `) as unknown as TypedDocumentString<TokensMeQuery, TokensMeQueryVariables>;
export const TokensUpdateAccountDocument = new TypedDocumentString(`
    mutation TokensUpdateAccount($input: UpdateAccountInput!) {
  updateAccount(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<TokensUpdateAccountMutation, TokensUpdateAccountMutationVariables>;
export const TokensResetPasswordDocument = new TypedDocumentString(`
    mutation TokensResetPassword($id: ID!, $password: String!) {
  resetPassword(id: $id, password: $password) {
    id
  }
}
    `) as unknown as TypedDocumentString<TokensResetPasswordMutation, TokensResetPasswordMutationVariables>;
export const TokensOfAccountDocument = new TypedDocumentString(`
    query TokensOfAccount($accountId: ID!) {
  accountApiTokens(accountId: $accountId) {
    id
    accountId
    name
    prefix
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<TokensOfAccountQuery, TokensOfAccountQueryVariables>;
export const TokensRevokeAccountTokenDocument = new TypedDocumentString(`
    mutation TokensRevokeAccountToken($id: ID!) {
  revokeAccountApiToken(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<TokensRevokeAccountTokenMutation, TokensRevokeAccountTokenMutationVariables>;
export const TokensRevokeDocument = new TypedDocumentString(`
    mutation TokensRevoke($id: ID!) {
  revokeApiToken(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<TokensRevokeMutation, TokensRevokeMutationVariables>;
export const TokensMineDocument = new TypedDocumentString(`
    query TokensMine {
  apiTokens {
    id
    revokedAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<TokensMineQuery, TokensMineQueryVariables>;
export const TokensLogoutDocument = new TypedDocumentString(`
    mutation TokensLogout {
  logout
}
    `) as unknown as TypedDocumentString<TokensLogoutMutation, TokensLogoutMutationVariables>;