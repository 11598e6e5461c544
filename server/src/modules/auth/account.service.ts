import { ConflictReason, Role } from '@community-grid/shared';
import { CrudService } from '../../core/crud.service';
import { ConflictError, FieldProblems } from '../../core/errors';
import { parseId } from '../../core/list/list-query-builder';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../core/passwords';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { Grid } from '../grid/grid.entity';
import { StaffMember } from '../staff-member/staff-member.entity';
import { Account } from './account.entity';
import type { CreateAccountInput, UpdateAccountInput } from './account.inputs';
import { AuditOperation } from '../audit/audit-event.entity';
import { auditService } from '../audit/audit.service';
import { authService } from './auth.service';

export class AccountService extends CrudService<Account, CreateAccountInput, UpdateAccountInput> {
  constructor() {
    super({
      entity: Account,
      label: 'Account',
      searchColumns: ['username', 'displayName'],
      references: {
        communityIds: { entity: Community, label: 'Community' },
        gridIds: { entity: Grid, label: 'Grid' },
        staffMemberId: { entity: StaffMember, label: 'Staff member' },
      },
    });
  }

  override async create(ctx: RequestContext, input: CreateAccountInput): Promise<Account> {
    const username = input.username.trim().toLowerCase();
    if (await this.taken(ctx, { username }, undefined)) {
      throw new ConflictError(ConflictReason.DUPLICATE, `The username ${username} is taken`);
    }
    return super.create(ctx, { ...input, username, passwordHash: await hashPassword(input.password) } as never);
  }

  /**
   * Each role's reach must come from somewhere: set on the account (explicit
   * reach), or from the assignments of the staff record it is linked to
   * (access follows assignments: a coordinator's or window staff's post, a
   * grid member's grids). Grid members are always linked to their staff record.
   */
  protected override async validate(_ctx: RequestContext, account: Partial<Account>, problems: FieldProblems): Promise<void> {
    const communities = account.communityIds ?? [];
    const grids = account.gridIds ?? [];
    const linked = Boolean(account.staffMemberId);
    if (account.role === Role.COMMUNITY_COORDINATOR && communities.length === 0 && !linked) {
      problems.add('communityIds', 'a coordinator needs at least one community, or a staff record holding a post');
    }
    if (account.role === Role.WINDOW_STAFF && communities.length > 1)
      problems.add('communityIds', 'window staff work in exactly one community');
    if (account.role === Role.WINDOW_STAFF && communities.length === 0 && !linked) {
      problems.add('communityIds', 'window staff work in exactly one community, or hold a window post through their staff record');
    }
    if (account.role === Role.GRID_MEMBER && !linked) problems.add('staffMemberId', 'a grid member is linked to their staff record');
    if (account.role === Role.GRID_MEMBER && grids.length === 0 && !linked)
      problems.add('gridIds', 'a grid member needs at least one grid');
  }

  /**
   * Disabling an account, or changing its role or the reach an administrator
   * sets (communities, grids, staff record), ends its sessions and revokes its
   * API tokens for good: whoever holds them must sign in again and gets the new rights.
   */
  protected override async afterWrite(
    ctx: RequestContext,
    id: number,
    values: Record<string, unknown>,
    existing: Account | undefined,
  ): Promise<void> {
    if (!existing) return;
    // Whatever changed, this server forgets the account now; the others hear of it on commit (the account's trigger).
    ctx.authCache?.forget(String(id));
    const changed = (field: 'role' | 'communityIds' | 'gridIds' | 'staffMemberId') =>
      values[field] !== undefined && JSON.stringify(sorted(values[field])) !== JSON.stringify(sorted(existing[field]));
    if (values.disabled === true || changed('role') || changed('communityIds') || changed('gridIds') || changed('staffMemberId')) {
      await authService.revokeCredentials(ctx.em, id);
    }
  }

  /** The password hash never reaches the audit trail. */
  protected override async snapshot(_ctx: RequestContext, account: Account): Promise<Record<string, unknown>> {
    const { passwordHash: _hidden, ...rest } = account;
    return rest;
  }

  async resetPassword(ctx: RequestContext, id: string, password: string): Promise<Account> {
    const problems = new FieldProblems();
    if (password.length < MIN_PASSWORD_LENGTH) problems.add('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
    if (password.length > 200) problems.add('password', 'must be at most 200 characters');
    problems.throwIfAny();
    const account = await this.findOne(ctx, id);
    await ctx.em.update(Account, { id: account.id }, { passwordHash: await hashPassword(password), version: () => 'version + 1' } as never);
    await authService.revokeCredentials(ctx.em, account.id);
    ctx.authCache?.forget(String(account.id));
    await auditService.record(ctx, AuditOperation.UPDATE, 'Account', account.id, { password: { before: '(hidden)', after: '(reset)' } });
    return this.findOne(ctx, account.id);
  }

  override async delete(ctx: RequestContext, id: string): Promise<Account> {
    // Compared as numbers: ids have one canonical form, and parseId refuses any other.
    if (ctx.principal && parseId(id) === ctx.principal.account.id)
      throw new ConflictError(ConflictReason.OWN_ACCOUNT, 'You cannot delete your own account');
    return super.delete(ctx, id);
  }
}

const sorted = (value: unknown) => (Array.isArray(value) ? [...value].map(Number).sort((a, b) => a - b) : value);

export const accountService = new AccountService();
