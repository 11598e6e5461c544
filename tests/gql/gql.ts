/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n          query DistrictTreeOn($asOf: LocalDate) {\n            districts(asOf: $asOf, options: { take: 1 }) {\n              items {\n                communityCount\n                offices(options: { take: 10 }) {\n                  totalItems\n                  items {\n                    name\n                    communities {\n                      totalItems\n                      items {\n                        code\n                        name\n                        grids {\n                          totalItems\n                        }\n                      }\n                    }\n                  }\n                }\n                communities {\n                  totalItems\n                  items {\n                    code\n                    name\n                    office {\n                      name\n                    }\n                  }\n                }\n              }\n            }\n          }\n        ": typeof types.DistrictTreeOnDocument,
    "\n        query OfficeHistory($id: ID!) {\n          office(id: $id) {\n            name\n            validFrom\n            validUntil\n            validOnAsOf\n            history {\n              name\n              versionFrom\n              versionUntil\n            }\n          }\n        }\n      ": typeof types.OfficeHistoryDocument,
    "\n            query HouseholdOn($id: ID!, $asOf: LocalDate) {\n              household(id: $id, asOf: $asOf) {\n                gridId\n                grid {\n                  id\n                  households(options: { take: 100 }) {\n                    items {\n                      id\n                    }\n                  }\n                }\n                history {\n                  gridId\n                  versionFrom\n                  versionUntil\n                }\n              }\n            }\n          ": typeof types.HouseholdOnDocument,
    "\n            query ResidentOn($id: ID!, $asOf: LocalDate) {\n              resident(id: $id, asOf: $asOf) {\n                householdId\n                household {\n                  residents {\n                    items {\n                      id\n                    }\n                  }\n                  residentCount\n                }\n              }\n            }\n          ": typeof types.ResidentOnDocument,
    "\n        mutation ChangeGridFrom($input: ChangeGridInput!, $dryRun: Boolean!) {\n          changeGrid(input: $input, dryRun: $dryRun) {\n            dryRun\n            correlationId\n            changeCount\n            changes {\n              operation\n              entityType\n              entityId\n              changes\n            }\n            record {\n              communityId\n              code\n            }\n          }\n        }\n      ": typeof types.ChangeGridFromDocument,
    "\n          query GridOn($id: ID!, $asOf: LocalDate) {\n            grid(id: $id, asOf: $asOf) {\n              communityId\n              community {\n                grids {\n                  items {\n                    id\n                  }\n                }\n                gridCount\n                householdCount\n              }\n            }\n          }\n        ": typeof types.GridOnDocument,
    "\n            query GridsOfCommunityOn($c: ID, $asOf: LocalDate) {\n              grids(asOf: $asOf, options: { filter: { communityId: { eq: $c } }, take: 100 }) {\n                items {\n                  id\n                }\n              }\n            }\n          ": typeof types.GridsOfCommunityOnDocument,
    "\n        query SampleDistrict {\n          districts(options: { take: 1 }) {\n            totalItems\n            items {\n              name\n              nameEn\n              communityCount\n              offices(asOf: \"2014-09-28\") {\n                items {\n                  name\n                  validUntil\n                  successorCommunities {\n                    name\n                  }\n                }\n              }\n              communities {\n                items {\n                  name\n                  nameEn\n                  predecessorOffices {\n                    name\n                  }\n                  predecessorCommunities {\n                    name\n                  }\n                }\n              }\n            }\n          }\n        }\n      ": typeof types.SampleDistrictDocument,
    "\n        query WholeDistrict {\n          communities(options: { take: 20 }) {\n            items {\n              id\n              gridCount\n              householdCount\n              residentCount\n              serviceWindows(options: { take: 5 }) {\n                items {\n                  kind\n                }\n              }\n              staffMembers {\n                totalItems\n              }\n              grids(options: { take: 10 }) {\n                totalItems\n                items {\n                  communityId\n                  householdCount\n                  residentCount\n                  community {\n                    id\n                  }\n                  households(options: { take: 30 }) {\n                    totalItems\n                    items {\n                      gridId\n                      residentCount\n                      headResident {\n                        relationToHead\n                      }\n                      residents(options: { take: 10 }) {\n                        totalItems\n                        items {\n                          householdId\n                          household {\n                            id\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      ": typeof types.WholeDistrictDocument,
    "\n  mutation TokensCreate($name: String!, $expiresInDays: Int) {\n    createApiToken(input: { name: $name, expiresInDays: $expiresInDays }) {\n      token\n      apiToken {\n        id\n      }\n    }\n  }\n": typeof types.TokensCreateDocument,
    "\n  query TokensMe {\n    me {\n      username\n    }\n  }\n": typeof types.TokensMeDocument,
    "\n  mutation TokensUpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      id\n    }\n  }\n": typeof types.TokensUpdateAccountDocument,
    "\n  mutation TokensResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password) {\n      id\n    }\n  }\n": typeof types.TokensResetPasswordDocument,
    "\n  query TokensOfAccount($accountId: ID!) {\n    accountApiTokens(accountId: $accountId) {\n      id\n      accountId\n      name\n      prefix\n      revokedAt\n    }\n  }\n": typeof types.TokensOfAccountDocument,
    "\n  mutation TokensRevokeAccountToken($id: ID!) {\n    revokeAccountApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.TokensRevokeAccountTokenDocument,
    "\n  mutation TokensRevoke($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n    }\n  }\n": typeof types.TokensRevokeDocument,
    "\n  query TokensMine {\n    apiTokens {\n      id\n      revokedAt\n      expiresAt\n    }\n  }\n": typeof types.TokensMineDocument,
    "\n  mutation TokensLogout {\n    logout\n  }\n": typeof types.TokensLogoutDocument,
};
const documents: Documents = {
    "\n          query DistrictTreeOn($asOf: LocalDate) {\n            districts(asOf: $asOf, options: { take: 1 }) {\n              items {\n                communityCount\n                offices(options: { take: 10 }) {\n                  totalItems\n                  items {\n                    name\n                    communities {\n                      totalItems\n                      items {\n                        code\n                        name\n                        grids {\n                          totalItems\n                        }\n                      }\n                    }\n                  }\n                }\n                communities {\n                  totalItems\n                  items {\n                    code\n                    name\n                    office {\n                      name\n                    }\n                  }\n                }\n              }\n            }\n          }\n        ": types.DistrictTreeOnDocument,
    "\n        query OfficeHistory($id: ID!) {\n          office(id: $id) {\n            name\n            validFrom\n            validUntil\n            validOnAsOf\n            history {\n              name\n              versionFrom\n              versionUntil\n            }\n          }\n        }\n      ": types.OfficeHistoryDocument,
    "\n            query HouseholdOn($id: ID!, $asOf: LocalDate) {\n              household(id: $id, asOf: $asOf) {\n                gridId\n                grid {\n                  id\n                  households(options: { take: 100 }) {\n                    items {\n                      id\n                    }\n                  }\n                }\n                history {\n                  gridId\n                  versionFrom\n                  versionUntil\n                }\n              }\n            }\n          ": types.HouseholdOnDocument,
    "\n            query ResidentOn($id: ID!, $asOf: LocalDate) {\n              resident(id: $id, asOf: $asOf) {\n                householdId\n                household {\n                  residents {\n                    items {\n                      id\n                    }\n                  }\n                  residentCount\n                }\n              }\n            }\n          ": types.ResidentOnDocument,
    "\n        mutation ChangeGridFrom($input: ChangeGridInput!, $dryRun: Boolean!) {\n          changeGrid(input: $input, dryRun: $dryRun) {\n            dryRun\n            correlationId\n            changeCount\n            changes {\n              operation\n              entityType\n              entityId\n              changes\n            }\n            record {\n              communityId\n              code\n            }\n          }\n        }\n      ": types.ChangeGridFromDocument,
    "\n          query GridOn($id: ID!, $asOf: LocalDate) {\n            grid(id: $id, asOf: $asOf) {\n              communityId\n              community {\n                grids {\n                  items {\n                    id\n                  }\n                }\n                gridCount\n                householdCount\n              }\n            }\n          }\n        ": types.GridOnDocument,
    "\n            query GridsOfCommunityOn($c: ID, $asOf: LocalDate) {\n              grids(asOf: $asOf, options: { filter: { communityId: { eq: $c } }, take: 100 }) {\n                items {\n                  id\n                }\n              }\n            }\n          ": types.GridsOfCommunityOnDocument,
    "\n        query SampleDistrict {\n          districts(options: { take: 1 }) {\n            totalItems\n            items {\n              name\n              nameEn\n              communityCount\n              offices(asOf: \"2014-09-28\") {\n                items {\n                  name\n                  validUntil\n                  successorCommunities {\n                    name\n                  }\n                }\n              }\n              communities {\n                items {\n                  name\n                  nameEn\n                  predecessorOffices {\n                    name\n                  }\n                  predecessorCommunities {\n                    name\n                  }\n                }\n              }\n            }\n          }\n        }\n      ": types.SampleDistrictDocument,
    "\n        query WholeDistrict {\n          communities(options: { take: 20 }) {\n            items {\n              id\n              gridCount\n              householdCount\n              residentCount\n              serviceWindows(options: { take: 5 }) {\n                items {\n                  kind\n                }\n              }\n              staffMembers {\n                totalItems\n              }\n              grids(options: { take: 10 }) {\n                totalItems\n                items {\n                  communityId\n                  householdCount\n                  residentCount\n                  community {\n                    id\n                  }\n                  households(options: { take: 30 }) {\n                    totalItems\n                    items {\n                      gridId\n                      residentCount\n                      headResident {\n                        relationToHead\n                      }\n                      residents(options: { take: 10 }) {\n                        totalItems\n                        items {\n                          householdId\n                          household {\n                            id\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      ": types.WholeDistrictDocument,
    "\n  mutation TokensCreate($name: String!, $expiresInDays: Int) {\n    createApiToken(input: { name: $name, expiresInDays: $expiresInDays }) {\n      token\n      apiToken {\n        id\n      }\n    }\n  }\n": types.TokensCreateDocument,
    "\n  query TokensMe {\n    me {\n      username\n    }\n  }\n": types.TokensMeDocument,
    "\n  mutation TokensUpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      id\n    }\n  }\n": types.TokensUpdateAccountDocument,
    "\n  mutation TokensResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password) {\n      id\n    }\n  }\n": types.TokensResetPasswordDocument,
    "\n  query TokensOfAccount($accountId: ID!) {\n    accountApiTokens(accountId: $accountId) {\n      id\n      accountId\n      name\n      prefix\n      revokedAt\n    }\n  }\n": types.TokensOfAccountDocument,
    "\n  mutation TokensRevokeAccountToken($id: ID!) {\n    revokeAccountApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.TokensRevokeAccountTokenDocument,
    "\n  mutation TokensRevoke($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n    }\n  }\n": types.TokensRevokeDocument,
    "\n  query TokensMine {\n    apiTokens {\n      id\n      revokedAt\n      expiresAt\n    }\n  }\n": types.TokensMineDocument,
    "\n  mutation TokensLogout {\n    logout\n  }\n": types.TokensLogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query DistrictTreeOn($asOf: LocalDate) {\n            districts(asOf: $asOf, options: { take: 1 }) {\n              items {\n                communityCount\n                offices(options: { take: 10 }) {\n                  totalItems\n                  items {\n                    name\n                    communities {\n                      totalItems\n                      items {\n                        code\n                        name\n                        grids {\n                          totalItems\n                        }\n                      }\n                    }\n                  }\n                }\n                communities {\n                  totalItems\n                  items {\n                    code\n                    name\n                    office {\n                      name\n                    }\n                  }\n                }\n              }\n            }\n          }\n        "): typeof import('./graphql').DistrictTreeOnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query OfficeHistory($id: ID!) {\n          office(id: $id) {\n            name\n            validFrom\n            validUntil\n            validOnAsOf\n            history {\n              name\n              versionFrom\n              versionUntil\n            }\n          }\n        }\n      "): typeof import('./graphql').OfficeHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query HouseholdOn($id: ID!, $asOf: LocalDate) {\n              household(id: $id, asOf: $asOf) {\n                gridId\n                grid {\n                  id\n                  households(options: { take: 100 }) {\n                    items {\n                      id\n                    }\n                  }\n                }\n                history {\n                  gridId\n                  versionFrom\n                  versionUntil\n                }\n              }\n            }\n          "): typeof import('./graphql').HouseholdOnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query ResidentOn($id: ID!, $asOf: LocalDate) {\n              resident(id: $id, asOf: $asOf) {\n                householdId\n                household {\n                  residents {\n                    items {\n                      id\n                    }\n                  }\n                  residentCount\n                }\n              }\n            }\n          "): typeof import('./graphql').ResidentOnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation ChangeGridFrom($input: ChangeGridInput!, $dryRun: Boolean!) {\n          changeGrid(input: $input, dryRun: $dryRun) {\n            dryRun\n            correlationId\n            changeCount\n            changes {\n              operation\n              entityType\n              entityId\n              changes\n            }\n            record {\n              communityId\n              code\n            }\n          }\n        }\n      "): typeof import('./graphql').ChangeGridFromDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query GridOn($id: ID!, $asOf: LocalDate) {\n            grid(id: $id, asOf: $asOf) {\n              communityId\n              community {\n                grids {\n                  items {\n                    id\n                  }\n                }\n                gridCount\n                householdCount\n              }\n            }\n          }\n        "): typeof import('./graphql').GridOnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query GridsOfCommunityOn($c: ID, $asOf: LocalDate) {\n              grids(asOf: $asOf, options: { filter: { communityId: { eq: $c } }, take: 100 }) {\n                items {\n                  id\n                }\n              }\n            }\n          "): typeof import('./graphql').GridsOfCommunityOnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query SampleDistrict {\n          districts(options: { take: 1 }) {\n            totalItems\n            items {\n              name\n              nameEn\n              communityCount\n              offices(asOf: \"2014-09-28\") {\n                items {\n                  name\n                  validUntil\n                  successorCommunities {\n                    name\n                  }\n                }\n              }\n              communities {\n                items {\n                  name\n                  nameEn\n                  predecessorOffices {\n                    name\n                  }\n                  predecessorCommunities {\n                    name\n                  }\n                }\n              }\n            }\n          }\n        }\n      "): typeof import('./graphql').SampleDistrictDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query WholeDistrict {\n          communities(options: { take: 20 }) {\n            items {\n              id\n              gridCount\n              householdCount\n              residentCount\n              serviceWindows(options: { take: 5 }) {\n                items {\n                  kind\n                }\n              }\n              staffMembers {\n                totalItems\n              }\n              grids(options: { take: 10 }) {\n                totalItems\n                items {\n                  communityId\n                  householdCount\n                  residentCount\n                  community {\n                    id\n                  }\n                  households(options: { take: 30 }) {\n                    totalItems\n                    items {\n                      gridId\n                      residentCount\n                      headResident {\n                        relationToHead\n                      }\n                      residents(options: { take: 10 }) {\n                        totalItems\n                        items {\n                          householdId\n                          household {\n                            id\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      "): typeof import('./graphql').WholeDistrictDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TokensCreate($name: String!, $expiresInDays: Int) {\n    createApiToken(input: { name: $name, expiresInDays: $expiresInDays }) {\n      token\n      apiToken {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').TokensCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TokensMe {\n    me {\n      username\n    }\n  }\n"): typeof import('./graphql').TokensMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TokensUpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').TokensUpdateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TokensResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password) {\n      id\n    }\n  }\n"): typeof import('./graphql').TokensResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TokensOfAccount($accountId: ID!) {\n    accountApiTokens(accountId: $accountId) {\n      id\n      accountId\n      name\n      prefix\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').TokensOfAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TokensRevokeAccountToken($id: ID!) {\n    revokeAccountApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').TokensRevokeAccountTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TokensRevoke($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').TokensRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TokensMine {\n    apiTokens {\n      id\n      revokedAt\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').TokensMineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TokensLogout {\n    logout\n  }\n"): typeof import('./graphql').TokensLogoutDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
