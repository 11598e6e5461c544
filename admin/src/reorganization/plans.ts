import { PlanStepKind, UnitLevel } from '@community-grid/shared';
import type { OutcomeFieldsFragment } from '../gql/graphql';

/** A step's parameters as the API keeps them: unit ids, or "new:<step id>" for a unit an earlier step creates. */
export interface StepParams {
  level?: UnitLevel | null;
  unitId?: string | null;
  unitIds?: string[] | null;
  targetId?: string | null;
  communityId?: string | null;
  code?: string | null;
  name?: string | null;
  nameEn?: string | null;
  address?: string | null;
  phone?: string | null;
  predecessorOfficeIds?: string[] | null;
  predecessorCommunityIds?: string[] | null;
  householdIds?: string[] | null;
  courtyard?: string | null;
  building?: string | null;
  staffMemberId?: string | null;
  fromCommunityId?: string | null;
  gridIds?: string[] | null;
  postId?: string | null;
  slot?: 'A' | 'B' | null;
  assignmentId?: string | null;
  postHolderId?: string | null;
}
export interface Step {
  id: string;
  version: number;
  position: number;
  kind: PlanStepKind;
  params: StepParams;
}
export interface Plan {
  id: string;
  version: number;
  name: string;
  description: string;
  effectiveOn: string;
  status: 'DRAFT' | 'APPLIED' | 'REVERTED';
  stepCount: number;
  authorName: string | null;
  appliedAt: string | null;
  revertedOn: string | null;
  steps?: Step[];
}

export type UnitResource = 'offices' | 'communities' | 'grids';
export const LEVEL_RESOURCE: Record<UnitLevel, UnitResource> = { OFFICE: 'offices', COMMUNITY: 'communities', GRID: 'grids' };

/** Which resource each id-carrying parameter of a step points at. */
export function referenceResource(kind: PlanStepKind, field: keyof StepParams, level?: UnitLevel | null): string | null {
  switch (field) {
    case 'unitId':
      return kind === 'END_UNIT' || kind === 'RENAME_UNIT' ? (level ? LEVEL_RESOURCE[level] : null) : 'grids';
    case 'targetId':
      return kind === 'END_UNIT' ? (level ? LEVEL_RESOURCE[level] : null) : 'grids';
    case 'unitIds':
    case 'gridIds':
      return 'grids';
    case 'communityId':
    case 'fromCommunityId':
    case 'predecessorCommunityIds':
      return 'communities';
    case 'predecessorOfficeIds':
      return 'offices';
    case 'staffMemberId':
      return 'staffMembers';
    default:
      return null;
  }
}

export const REFERENCE_FIELDS: Array<keyof StepParams> = [
  'unitId',
  'targetId',
  'unitIds',
  'gridIds',
  'communityId',
  'fromCommunityId',
  'predecessorCommunityIds',
  'predecessorOfficeIds',
  'staffMemberId',
];

/** The unit a step creates, which later steps may name as "new:<step id>": a community or a grid. */
export function createdBy(step: Step): { resource: UnitResource; code: string; name: string } | null {
  if (step.kind === 'CREATE_UNIT' && step.params.level)
    return { resource: LEVEL_RESOURCE[step.params.level], code: step.params.code ?? '', name: step.params.name ?? '' };
  if (step.kind === 'SPLIT_GRID') return { resource: 'grids', code: step.params.code ?? '', name: step.params.name ?? '' };
  return null;
}

/** Courtyard ("…3号院") and building ("…3号院2号楼") of an address, as the API matches them (address prefixes). */
export function addressParts(address: string): { courtyard: string | null; building: string | null } {
  const match = /^(.*?\d+号院)(\d+号楼)?/.exec(address);
  if (!match) return { courtyard: null, building: null };
  return { courtyard: match[1], building: match[2] ? match[1] + match[2] : null };
}

/** What an apply or a revert (or its preview) answers: whether each step went through, and the impact. */
export type Outcome = OutcomeFieldsFragment;
export type Counts = NonNullable<Outcome['impact']['units'][number]['before']>;
