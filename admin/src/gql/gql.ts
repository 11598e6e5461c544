/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query HomeFigures {\n    districts(options: { take: 1 }) { items { communityCount gridCount householdCount residentCount } }\n    staffMembers(options: { take: 1, filter: { active: { eq: true } } }) { totalItems }\n    communities { items { id name nameEn residentCount } }\n  }\n": typeof types.HomeFiguresDocument,
    "fragment TokenFields on ApiToken { id name prefix createdAt expiresAt revokedAt lastUsedAt }": typeof types.TokenFieldsFragmentDoc,
    "query MyApiTokens { apiTokens { ...TokenFields } }": typeof types.MyApiTokensDocument,
    "query AccountApiTokens($accountId: ID!) { accountApiTokens(accountId: $accountId) { ...TokenFields } }": typeof types.AccountApiTokensDocument,
    "mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }": typeof types.CreateApiTokenDocument,
    "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }": typeof types.RevokeApiTokenDocument,
    "mutation RevokeAccountApiToken($id: ID!) { revokeAccountApiToken(id: $id) { id } }": typeof types.RevokeAccountApiTokenDocument,
    "mutation RevealResidentPersonalData($id: ID!) { revealResidentPersonalData(id: $id) { idNumber phone } }": typeof types.RevealResidentPersonalDataDocument,
    "query StructureTree($asOf: LocalDate) {\n  districts(asOf: $asOf, options: { take: 1 }) { items { id name nameEn\n    offices(options: { take: 100, sort: [{ field: name }] }) { items { id name nameEn } }\n    communities(options: { take: 100, sort: [{ field: code }] }) { items { asOf id code name nameEn officeId householdCount residentCount\n      grids(options: { take: 100, sort: [{ field: code }] }) { items { id code name householdCount residentCount } } } } } }\n}": typeof types.StructureTreeDocument,
};
const documents: Documents = {
    "\n  query HomeFigures {\n    districts(options: { take: 1 }) { items { communityCount gridCount householdCount residentCount } }\n    staffMembers(options: { take: 1, filter: { active: { eq: true } } }) { totalItems }\n    communities { items { id name nameEn residentCount } }\n  }\n": types.HomeFiguresDocument,
    "fragment TokenFields on ApiToken { id name prefix createdAt expiresAt revokedAt lastUsedAt }": types.TokenFieldsFragmentDoc,
    "query MyApiTokens { apiTokens { ...TokenFields } }": types.MyApiTokensDocument,
    "query AccountApiTokens($accountId: ID!) { accountApiTokens(accountId: $accountId) { ...TokenFields } }": types.AccountApiTokensDocument,
    "mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }": types.CreateApiTokenDocument,
    "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }": types.RevokeApiTokenDocument,
    "mutation RevokeAccountApiToken($id: ID!) { revokeAccountApiToken(id: $id) { id } }": types.RevokeAccountApiTokenDocument,
    "mutation RevealResidentPersonalData($id: ID!) { revealResidentPersonalData(id: $id) { idNumber phone } }": types.RevealResidentPersonalDataDocument,
    "query StructureTree($asOf: LocalDate) {\n  districts(asOf: $asOf, options: { take: 1 }) { items { id name nameEn\n    offices(options: { take: 100, sort: [{ field: name }] }) { items { id name nameEn } }\n    communities(options: { take: 100, sort: [{ field: code }] }) { items { asOf id code name nameEn officeId householdCount residentCount\n      grids(options: { take: 100, sort: [{ field: code }] }) { items { id code name householdCount residentCount } } } } } }\n}": types.StructureTreeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeFigures {\n    districts(options: { take: 1 }) { items { communityCount gridCount householdCount residentCount } }\n    staffMembers(options: { take: 1, filter: { active: { eq: true } } }) { totalItems }\n    communities { items { id name nameEn residentCount } }\n  }\n"): (typeof documents)["\n  query HomeFigures {\n    districts(options: { take: 1 }) { items { communityCount gridCount householdCount residentCount } }\n    staffMembers(options: { take: 1, filter: { active: { eq: true } } }) { totalItems }\n    communities { items { id name nameEn residentCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TokenFields on ApiToken { id name prefix createdAt expiresAt revokedAt lastUsedAt }"): (typeof documents)["fragment TokenFields on ApiToken { id name prefix createdAt expiresAt revokedAt lastUsedAt }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyApiTokens { apiTokens { ...TokenFields } }"): (typeof documents)["query MyApiTokens { apiTokens { ...TokenFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountApiTokens($accountId: ID!) { accountApiTokens(accountId: $accountId) { ...TokenFields } }"): (typeof documents)["query AccountApiTokens($accountId: ID!) { accountApiTokens(accountId: $accountId) { ...TokenFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }"): (typeof documents)["mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }"): (typeof documents)["mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeAccountApiToken($id: ID!) { revokeAccountApiToken(id: $id) { id } }"): (typeof documents)["mutation RevokeAccountApiToken($id: ID!) { revokeAccountApiToken(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevealResidentPersonalData($id: ID!) { revealResidentPersonalData(id: $id) { idNumber phone } }"): (typeof documents)["mutation RevealResidentPersonalData($id: ID!) { revealResidentPersonalData(id: $id) { idNumber phone } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StructureTree($asOf: LocalDate) {\n  districts(asOf: $asOf, options: { take: 1 }) { items { id name nameEn\n    offices(options: { take: 100, sort: [{ field: name }] }) { items { id name nameEn } }\n    communities(options: { take: 100, sort: [{ field: code }] }) { items { asOf id code name nameEn officeId householdCount residentCount\n      grids(options: { take: 100, sort: [{ field: code }] }) { items { id code name householdCount residentCount } } } } } }\n}"): (typeof documents)["query StructureTree($asOf: LocalDate) {\n  districts(asOf: $asOf, options: { take: 1 }) { items { id name nameEn\n    offices(options: { take: 100, sort: [{ field: name }] }) { items { id name nameEn } }\n    communities(options: { take: 100, sort: [{ field: code }] }) { items { asOf id code name nameEn officeId householdCount residentCount\n      grids(options: { take: 100, sort: [{ field: code }] }) { items { id code name householdCount residentCount } } } } } }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;