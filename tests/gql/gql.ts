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
    "\n  mutation TokensCreate($name: String!, $expiresInDays: Int) {\n    createApiToken(input: { name: $name, expiresInDays: $expiresInDays }) { token apiToken { id } }\n  }\n": typeof types.TokensCreateDocument,
    "query TokensMe { me { username } }": typeof types.TokensMeDocument,
    "mutation TokensUpdateAccount($input: UpdateAccountInput!) { updateAccount(input: $input) { id } }": typeof types.TokensUpdateAccountDocument,
    "mutation TokensResetPassword($id: ID!, $password: String!) { resetPassword(id: $id, password: $password) { id } }": typeof types.TokensResetPasswordDocument,
    "query TokensOfAccount($accountId: ID!) { accountApiTokens(accountId: $accountId) { id accountId name prefix revokedAt } }": typeof types.TokensOfAccountDocument,
    "mutation TokensRevokeAccountToken($id: ID!) { revokeAccountApiToken(id: $id) { id revokedAt } }": typeof types.TokensRevokeAccountTokenDocument,
    "mutation TokensRevoke($id: ID!) { revokeApiToken(id: $id) { id } }": typeof types.TokensRevokeDocument,
    "query TokensMine { apiTokens { id revokedAt expiresAt } }": typeof types.TokensMineDocument,
    "mutation TokensLogout { logout }": typeof types.TokensLogoutDocument,
};
const documents: Documents = {
    "\n  mutation TokensCreate($name: String!, $expiresInDays: Int) {\n    createApiToken(input: { name: $name, expiresInDays: $expiresInDays }) { token apiToken { id } }\n  }\n": types.TokensCreateDocument,
    "query TokensMe { me { username } }": types.TokensMeDocument,
    "mutation TokensUpdateAccount($input: UpdateAccountInput!) { updateAccount(input: $input) { id } }": types.TokensUpdateAccountDocument,
    "mutation TokensResetPassword($id: ID!, $password: String!) { resetPassword(id: $id, password: $password) { id } }": types.TokensResetPasswordDocument,
    "query TokensOfAccount($accountId: ID!) { accountApiTokens(accountId: $accountId) { id accountId name prefix revokedAt } }": types.TokensOfAccountDocument,
    "mutation TokensRevokeAccountToken($id: ID!) { revokeAccountApiToken(id: $id) { id revokedAt } }": types.TokensRevokeAccountTokenDocument,
    "mutation TokensRevoke($id: ID!) { revokeApiToken(id: $id) { id } }": types.TokensRevokeDocument,
    "query TokensMine { apiTokens { id revokedAt expiresAt } }": types.TokensMineDocument,
    "mutation TokensLogout { logout }": types.TokensLogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TokensCreate($name: String!, $expiresInDays: Int) {\n    createApiToken(input: { name: $name, expiresInDays: $expiresInDays }) { token apiToken { id } }\n  }\n"): typeof import('./graphql').TokensCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokensMe { me { username } }"): typeof import('./graphql').TokensMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokensUpdateAccount($input: UpdateAccountInput!) { updateAccount(input: $input) { id } }"): typeof import('./graphql').TokensUpdateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokensResetPassword($id: ID!, $password: String!) { resetPassword(id: $id, password: $password) { id } }"): typeof import('./graphql').TokensResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokensOfAccount($accountId: ID!) { accountApiTokens(accountId: $accountId) { id accountId name prefix revokedAt } }"): typeof import('./graphql').TokensOfAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokensRevokeAccountToken($id: ID!) { revokeAccountApiToken(id: $id) { id revokedAt } }"): typeof import('./graphql').TokensRevokeAccountTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokensRevoke($id: ID!) { revokeApiToken(id: $id) { id } }"): typeof import('./graphql').TokensRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokensMine { apiTokens { id revokedAt expiresAt } }"): typeof import('./graphql').TokensMineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokensLogout { logout }"): typeof import('./graphql').TokensLogoutDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
