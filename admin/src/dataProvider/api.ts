import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DataProvider, useDataProvider } from 'react-admin';
import { HOME_QUERY } from '../dashboard/query';
import { graphql } from '../gql';
import type { CreateApiTokenInput } from '../gql/graphql';
import { reorganizationMethods } from '../reorganization/operations';
import { serviceMethods } from '../service/queries';
import { staffingMethods } from '../staffing/operations';
import { STRUCTURE_TREE_QUERY } from '../structure/query';
import type { CommandProvider } from './index';

/**
 * The dashboard's reads and writes beyond one resource's list and record: named, typed methods of
 * the data provider, over operations generated from the schema (`npm run codegen`). Screens call
 * them through react-query (useQuery / useMutation, react-admin's own client), so answers are
 * cached by key and a write invalidates what it changed.
 */
export const TOKEN_FIELDS = graphql(`
  fragment TokenFields on ApiToken {
    id
    name
    prefix
    createdAt
    expiresAt
    revokedAt
    lastUsedAt
  }
`);
const MY_TOKENS = graphql(`
  query MyApiTokens {
    apiTokens {
      ...TokenFields
    }
  }
`);
const ACCOUNT_TOKENS = graphql(`
  query AccountApiTokens($accountId: ID!) {
    accountApiTokens(accountId: $accountId) {
      ...TokenFields
    }
  }
`);
const CREATE_TOKEN = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
    }
  }
`);
const REVOKE_TOKEN = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
    }
  }
`);
const REVOKE_ACCOUNT_TOKEN = graphql(`
  mutation RevokeAccountApiToken($id: ID!) {
    revokeAccountApiToken(id: $id) {
      id
    }
  }
`);
const REVEAL = graphql(`
  mutation RevealResidentPersonalData($id: ID!) {
    revealResidentPersonalData(id: $id) {
      idNumber
      phone
    }
  }
`);
const RESET_PASSWORD = graphql(`
  mutation ResetPassword($id: ID!, $password: String!) {
    resetPassword(id: $id, password: $password) {
      id
    }
  }
`);
// The server's today: a dated record read without a day says which day it was read as of.
// What is overdue, and whether a plan is withdrawn or reverted, follow the server's clock, which the browser's may not match.
const SERVER_TODAY = graphql(`
  query ServerToday {
    communities(options: { take: 1 }) {
      items {
        asOf
      }
    }
  }
`);

/** Sends one typed operation; its answer's type is the operation's. */
export type Request = <TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables) => Promise<TResult>;

export function apiMethods(request: Request) {
  return {
    homeFigures: () => request(HOME_QUERY),
    structureTree: (asOf: string | null) => request(STRUCTURE_TREE_QUERY, { asOf }),
    apiTokens: async () => (await request(MY_TOKENS)).apiTokens,
    accountApiTokens: async (accountId: string) => (await request(ACCOUNT_TOKENS, { accountId })).accountApiTokens,
    createApiToken: async (input: CreateApiTokenInput) => (await request(CREATE_TOKEN, { input })).createApiToken,
    revokeApiToken: (id: string) => request(REVOKE_TOKEN, { id }),
    revokeAccountApiToken: (id: string) => request(REVOKE_ACCOUNT_TOKEN, { id }),
    revealResidentPersonalData: async (id: string) => (await request(REVEAL, { id })).revealResidentPersonalData,
    resetPassword: (id: string, password: string) => request(RESET_PASSWORD, { id, password }),
    /** The server's today; null when there is no community to read it from. */
    serverToday: async () => (await request(SERVER_TODAY)).communities.items[0]?.asOf ?? null,
    ...staffingMethods(request),
    ...serviceMethods(request),
    ...reorganizationMethods(request),
  };
}

export type ApiDataProvider = DataProvider & ReturnType<typeof apiMethods> & CommandProvider;

/** The data provider with its named methods, typed. */
export const useApiDataProvider = () => useDataProvider<ApiDataProvider>();

/** react-query keys of the named reads, so a write invalidates exactly what it changed. */
export const apiKeys = {
  homeFigures: ['homeFigures'] as const,
  structureTree: (asOf: string | null) => ['structureTree', asOf] as const,
  apiTokens: ['apiTokens'] as const,
  accountApiTokens: (accountId: string) => ['accountApiTokens', accountId] as const,
  serverToday: ['serverToday'] as const,
};
