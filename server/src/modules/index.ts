import { AuditEvent } from './audit/audit-event.entity';
import { AuditResolver } from './audit/audit.resolver';
import { Account } from './auth/account.entity';
import { AccountResolver, AuthResolver } from './auth/auth.resolver';
import { ApiToken, KnownClient, LoginThrottle, Session } from './auth/credential.entities';
import { CommunityResolver } from './community/community.resolver';
import { Community, CommunityVersion } from './community/community.entity';
import { DistrictResolver } from './district/district.resolver';
import { District } from './district/district.entity';
import { GridResolver } from './grid/grid.resolver';
import { Grid, GridVersion } from './grid/grid.entity';
import { HouseholdResolver } from './household/household.resolver';
import { Household, HouseholdVersion } from './household/household.entity';
import { OfficeResolver } from './office/office.resolver';
import { Office, OfficeVersion } from './office/office.entity';
import { GridLineage, ReorganizationPlan, ReorganizationStep } from './reorganization/plan.entity';
import { reorganizationResolvers } from './reorganization/plan.resolver';
import { ResidentResolver } from './resident/resident.resolver';
import { Resident, ResidentVersion } from './resident/resident.entity';
import { ServiceWindowResolver } from './service-window/service-window.resolver';
import { ServiceWindow } from './service-window/service-window.entity';
import { StaffMemberResolver } from './staff-member/staff-member.resolver';
import { StaffMember } from './staff-member/staff-member.entity';
import { Absence } from './staffing/absence.entity';
import { GridAssignment } from './staffing/grid-assignment.entity';
import { Post, PostHolder, PostRotation } from './staffing/post.entity';
import { SpecialistRole, SpecialistRoleVersion } from './staffing/specialist-role.entity';
import { SpecialistRoleResolver } from './staffing/specialist-role.resolver';
import { staffingResolvers } from './staffing/staffing.resolver';
import { StaffingTemplate, StaffingTemplateRole, TemplateAdoption } from './staffing/staffing-template.entity';
import { Affair, AffairEvent, Visit } from './service/affair.entity';
import { CalendarDay } from './service/calendar-day.entity';
import { ServiceCategory } from './service/service-category.entity';
import { serviceResolvers } from './service/service.resolver';

/** Every entity and resolver of the product; a new domain module registers here. */
export const entities = [
  District,
  Office,
  OfficeVersion,
  Community,
  CommunityVersion,
  ServiceWindow,
  Grid,
  GridVersion,
  Household,
  HouseholdVersion,
  Resident,
  ResidentVersion,
  StaffMember,
  AuditEvent,
  SpecialistRole,
  SpecialistRoleVersion,
  StaffingTemplate,
  StaffingTemplateRole,
  TemplateAdoption,
  Post,
  PostHolder,
  PostRotation,
  GridAssignment,
  Absence,
  ReorganizationPlan,
  ReorganizationStep,
  GridLineage,
  ServiceCategory,
  CalendarDay,
  Affair,
  AffairEvent,
  Visit,
  Account,
  Session,
  ApiToken,
  LoginThrottle,
  KnownClient,
];

export const resolvers = [
  DistrictResolver,
  OfficeResolver,
  CommunityResolver,
  ServiceWindowResolver,
  GridResolver,
  HouseholdResolver,
  ResidentResolver,
  StaffMemberResolver,
  AuditResolver,
  SpecialistRoleResolver,
  ...staffingResolvers,
  ...reorganizationResolvers,
  ...serviceResolvers,
  AuthResolver,
  AccountResolver,
] as const;
