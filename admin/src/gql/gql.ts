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
    "\n  query HomeFigures {\n    districts(options: { take: 1 }) {\n      items {\n        communityCount\n        gridCount\n        householdCount\n        residentCount\n      }\n    }\n    staffMembers(options: { take: 1, filter: { active: { eq: true } } }) {\n      totalItems\n    }\n    communities {\n      items {\n        id\n        name\n        nameEn\n        residentCount\n      }\n    }\n  }\n": typeof types.HomeFiguresDocument,
    "\n  fragment TokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n  }\n": typeof types.TokenFieldsFragmentDoc,
    "\n  query MyApiTokens {\n    apiTokens {\n      ...TokenFields\n    }\n  }\n": typeof types.MyApiTokensDocument,
    "\n  query AccountApiTokens($accountId: ID!) {\n    accountApiTokens(accountId: $accountId) {\n      ...TokenFields\n    }\n  }\n": typeof types.AccountApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation RevokeAccountApiToken($id: ID!) {\n    revokeAccountApiToken(id: $id) {\n      id\n    }\n  }\n": typeof types.RevokeAccountApiTokenDocument,
    "\n  mutation RevealResidentPersonalData($id: ID!) {\n    revealResidentPersonalData(id: $id) {\n      idNumber\n      phone\n    }\n  }\n": typeof types.RevealResidentPersonalDataDocument,
    "\n  query StructureTree($asOf: LocalDate) {\n    districts(asOf: $asOf, options: { take: 1 }) {\n      items {\n        id\n        name\n        nameEn\n        offices(options: { take: 100, sort: [{ field: name }] }) {\n          items {\n            id\n            name\n            nameEn\n          }\n        }\n        communities(options: { take: 100, sort: [{ field: code }] }) {\n          items {\n            asOf\n            id\n            code\n            name\n            nameEn\n            officeId\n            householdCount\n            residentCount\n            grids(options: { take: 100, sort: [{ field: code }] }) {\n              items {\n                id\n                code\n                name\n                householdCount\n                residentCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.StructureTreeDocument,
};
const documents: Documents = {
    "\n  query HomeFigures {\n    districts(options: { take: 1 }) {\n      items {\n        communityCount\n        gridCount\n        householdCount\n        residentCount\n      }\n    }\n    staffMembers(options: { take: 1, filter: { active: { eq: true } } }) {\n      totalItems\n    }\n    communities {\n      items {\n        id\n        name\n        nameEn\n        residentCount\n      }\n    }\n  }\n": types.HomeFiguresDocument,
    "\n  fragment TokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n  }\n": types.TokenFieldsFragmentDoc,
    "\n  query MyApiTokens {\n    apiTokens {\n      ...TokenFields\n    }\n  }\n": types.MyApiTokensDocument,
    "\n  query AccountApiTokens($accountId: ID!) {\n    accountApiTokens(accountId: $accountId) {\n      ...TokenFields\n    }\n  }\n": types.AccountApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation RevokeAccountApiToken($id: ID!) {\n    revokeAccountApiToken(id: $id) {\n      id\n    }\n  }\n": types.RevokeAccountApiTokenDocument,
    "\n  mutation RevealResidentPersonalData($id: ID!) {\n    revealResidentPersonalData(id: $id) {\n      idNumber\n      phone\n    }\n  }\n": types.RevealResidentPersonalDataDocument,
    "\n  query StructureTree($asOf: LocalDate) {\n    districts(asOf: $asOf, options: { take: 1 }) {\n      items {\n        id\n        name\n        nameEn\n        offices(options: { take: 100, sort: [{ field: name }] }) {\n          items {\n            id\n            name\n            nameEn\n          }\n        }\n        communities(options: { take: 100, sort: [{ field: code }] }) {\n          items {\n            asOf\n            id\n            code\n            name\n            nameEn\n            officeId\n            householdCount\n            residentCount\n            grids(options: { take: 100, sort: [{ field: code }] }) {\n              items {\n                id\n                code\n                name\n                householdCount\n                residentCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.StructureTreeDocument,
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
export function graphql(source: "\n  query HomeFigures {\n    districts(options: { take: 1 }) {\n      items {\n        communityCount\n        gridCount\n        householdCount\n        residentCount\n      }\n    }\n    staffMembers(options: { take: 1, filter: { active: { eq: true } } }) {\n      totalItems\n    }\n    communities {\n      items {\n        id\n        name\n        nameEn\n        residentCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomeFigures {\n    districts(options: { take: 1 }) {\n      items {\n        communityCount\n        gridCount\n        householdCount\n        residentCount\n      }\n    }\n    staffMembers(options: { take: 1, filter: { active: { eq: true } } }) {\n      totalItems\n    }\n    communities {\n      items {\n        id\n        name\n        nameEn\n        residentCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n  }\n"): (typeof documents)["\n  fragment TokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyApiTokens {\n    apiTokens {\n      ...TokenFields\n    }\n  }\n"): (typeof documents)["\n  query MyApiTokens {\n    apiTokens {\n      ...TokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountApiTokens($accountId: ID!) {\n    accountApiTokens(accountId: $accountId) {\n      ...TokenFields\n    }\n  }\n"): (typeof documents)["\n  query AccountApiTokens($accountId: ID!) {\n    accountApiTokens(accountId: $accountId) {\n      ...TokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAccountApiToken($id: ID!) {\n    revokeAccountApiToken(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeAccountApiToken($id: ID!) {\n    revokeAccountApiToken(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevealResidentPersonalData($id: ID!) {\n    revealResidentPersonalData(id: $id) {\n      idNumber\n      phone\n    }\n  }\n"): (typeof documents)["\n  mutation RevealResidentPersonalData($id: ID!) {\n    revealResidentPersonalData(id: $id) {\n      idNumber\n      phone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StructureTree($asOf: LocalDate) {\n    districts(asOf: $asOf, options: { take: 1 }) {\n      items {\n        id\n        name\n        nameEn\n        offices(options: { take: 100, sort: [{ field: name }] }) {\n          items {\n            id\n            name\n            nameEn\n          }\n        }\n        communities(options: { take: 100, sort: [{ field: code }] }) {\n          items {\n            asOf\n            id\n            code\n            name\n            nameEn\n            officeId\n            householdCount\n            residentCount\n            grids(options: { take: 100, sort: [{ field: code }] }) {\n              items {\n                id\n                code\n                name\n                householdCount\n                residentCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StructureTree($asOf: LocalDate) {\n    districts(asOf: $asOf, options: { take: 1 }) {\n      items {\n        id\n        name\n        nameEn\n        offices(options: { take: 100, sort: [{ field: name }] }) {\n          items {\n            id\n            name\n            nameEn\n          }\n        }\n        communities(options: { take: 100, sort: [{ field: code }] }) {\n          items {\n            asOf\n            id\n            code\n            name\n            nameEn\n            officeId\n            householdCount\n            residentCount\n            grids(options: { take: 100, sort: [{ field: code }] }) {\n              items {\n                id\n                code\n                name\n                householdCount\n                residentCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;