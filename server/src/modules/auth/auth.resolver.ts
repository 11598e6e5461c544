import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, PUBLIC } from '../../core/access';
import { CrudResolver } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { StaffMember } from '../staff-member/staff-member.entity';
import { Account } from './account.entity';
import {
  AccountList,
  AccountListOptions,
  CreateAccountInput,
  CreateApiTokenInput,
  CreatedApiToken,
  UpdateAccountInput,
} from './account.inputs';
import { accountService } from './account.service';
import { authService } from './auth.service';
import { ApiToken } from './credential.entities';

/** Signing in and out, who am I, and my API tokens. */
@Resolver()
export class AuthResolver {
  @Mutation(() => Account, { description: 'Starts a session: sets an httpOnly, SameSite=Lax cookie.' })
  @Allow(PUBLIC)
  login(@Ctx() ctx: RequestContext, @Arg('username') username: string, @Arg('password') password: string) {
    return authService.login(ctx, username, password);
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the credential this request used: the session (its cookie is cleared), or the API token sent as Bearer, ' +
      'which is revoked for good. True when one was ended.',
  })
  @Allow('session', 'logout')
  logout(@Ctx() ctx: RequestContext) {
    return authService.logout(ctx);
  }

  @Query(() => Account)
  @Allow('session', 'me')
  me(@Ctx() ctx: RequestContext) {
    return ctx.em.findOneByOrFail(Account, { id: authService.me(ctx).id });
  }

  @Query(() => [ApiToken], { description: 'My API tokens (never the secrets).' })
  @Allow('apiTokens', 'list')
  apiTokens(@Ctx() ctx: RequestContext) {
    return authService.listTokens(ctx);
  }

  @Mutation(() => CreatedApiToken, { description: 'A token for my scripts, with my role and reach.' })
  @Allow('apiTokens', 'create')
  createApiToken(@Ctx() ctx: RequestContext, @Arg('input') input: CreateApiTokenInput) {
    return authService.createToken(ctx, input.name, input.expiresInDays);
  }

  @Mutation(() => ApiToken)
  @Allow('apiTokens', 'delete')
  revokeApiToken(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return authService.revokeToken(ctx, id);
  }
}

/** Accounts, for district administrators. */
@Resolver(() => Account)
export class AccountResolver extends CrudResolver({
  entity: Account,
  name: 'Account',
  plural: 'accounts',
  list: AccountList,
  listOptions: AccountListOptions,
  createInput: CreateAccountInput,
  updateInput: UpdateAccountInput,
  service: accountService,
  resource: 'accounts',
}) {
  @Mutation(() => Account, { description: "Sets a new password and ends the account's sessions." })
  @Allow('accounts', 'resetPassword')
  resetPassword(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('password') password: string) {
    return accountService.resetPassword(ctx, id, password);
  }

  @Query(() => [ApiToken], { description: "An account's API tokens (never the secrets), newest first." })
  @Allow('accounts', 'tokens')
  accountApiTokens(@Ctx() ctx: RequestContext, @Arg('accountId', () => ID) accountId: string) {
    return authService.listAccountTokens(ctx, accountId);
  }

  @Mutation(() => ApiToken, { description: "Revokes any account's API token; recorded in the audit trail." })
  @Allow('accounts', 'revokeToken')
  revokeAccountApiToken(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return authService.revokeAccountToken(ctx, id);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  staffMember(@Root() account: Account, @Ctx() ctx: RequestContext) {
    return account.staffMemberId === null ? null : ctx.loaders.byId(StaffMember, ctx.today).load(account.staffMemberId);
  }
}
