import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useGetMany, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';
import { useApiDataProvider } from '../dataProvider/api';
import { usePostLabel } from '../staffing/posts';
import { reorganizationKeys } from './operations';
import { createdBy, REFERENCE_FIELDS, referenceResource, Step, StepParams } from './plans';

const dayBefore = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

/** What a unit, or a member of staff, is named by (react-admin's records of offices, communities, grids and staff). */
interface Labelled {
  id: string | number;
  code?: string;
  name: string;
  nameEn?: string;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value ? [String(value)] : []);

/**
 * Names for the units, staff and posts the steps refer to, read as of the day
 * before the plan (the structure it starts from); "new:<step id>" is named
 * after the code the earlier step gives it.
 */
export function useStepLabels(steps: Step[], day: string) {
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  const postLabel = usePostLabel();
  const ids = useMemo(() => {
    const byResource: Record<string, Set<string>> = {
      offices: new Set(),
      communities: new Set(),
      grids: new Set(),
      staffMembers: new Set(),
    };
    const extra = { posts: new Set<string>(), holders: new Set<string>(), assignments: new Set<string>() };
    for (const step of steps) {
      for (const field of REFERENCE_FIELDS) {
        const resource = referenceResource(step.kind, field, step.params.level);
        if (!resource) continue;
        for (const id of asList(step.params[field])) if (!id.startsWith('new:')) byResource[resource].add(id);
      }
      if (step.params.postId) extra.posts.add(step.params.postId);
      if (step.params.postHolderId) extra.holders.add(step.params.postHolderId);
      if (step.params.assignmentId) extra.assignments.add(step.params.assignmentId);
    }
    const sorted = (set: Set<string>) => [...set].sort();
    return {
      offices: sorted(byResource.offices),
      communities: sorted(byResource.communities),
      grids: sorted(byResource.grids),
      staffMembers: sorted(byResource.staffMembers),
      posts: sorted(extra.posts),
      holders: sorted(extra.holders),
      assignments: sorted(extra.assignments),
    };
  }, [steps]);
  const meta = { asOf: day };
  const offices = useGetMany('offices', { ids: ids.offices, meta }, { enabled: ids.offices.length > 0 });
  const communities = useGetMany('communities', { ids: ids.communities, meta }, { enabled: ids.communities.length > 0 });
  const grids = useGetMany('grids', { ids: ids.grids, meta }, { enabled: ids.grids.length > 0 });
  const staff = useGetMany('staffMembers', { ids: ids.staffMembers }, { enabled: ids.staffMembers.length > 0 });
  const dataProvider = useApiDataProvider();
  const extraIds = { posts: ids.posts, holders: ids.holders, assignments: ids.assignments };
  const { data: extra } = useQuery({
    queryKey: reorganizationKeys.stepLabels(extraIds),
    queryFn: () => dataProvider.stepLabels(extraIds),
    enabled: ids.posts.length + ids.holders.length + ids.assignments.length > 0,
    retry: false,
  });

  const records: Record<string, Map<string, Labelled>> = {
    offices: new Map((offices.data ?? []).map((r) => [String(r.id), r])),
    communities: new Map((communities.data ?? []).map((r) => [String(r.id), r])),
    grids: new Map((grids.data ?? []).map((r) => [String(r.id), r])),
    staffMembers: new Map((staff.data ?? []).map((r) => [String(r.id), r])),
  };
  const creators = new Map(steps.map((step) => [step.id, createdBy(step)]));

  /** One unit as a sentence names it: "C01-G01 (清真巷第1网格)", or "new: C01-G91". */
  const unit = (resource: string | null, raw: string | null | undefined): string => {
    if (!raw) return '—';
    if (raw.startsWith('new:')) {
      const created = creators.get(raw.slice(4));
      return translate('cg.reorg.new_unit', { code: created?.code ?? '?' });
    }
    const record = resource ? records[resource]?.get(raw) : undefined;
    if (!record) return '…';
    if (resource === 'offices') return nameOf(record);
    if (resource === 'staffMembers') return record.name;
    return translate('cg.reorg.unit_label', { code: record.code, name: resource === 'communities' ? nameOf(record) : record.name });
  };
  const post = (id: string) => {
    const found = extra?.posts.items.find((p) => p.id === id);
    return found ? `${found.community.code} ${postLabel(found)}` : '…';
  };
  const assignment = (params: StepParams) => {
    if (params.postHolderId) {
      const holder = extra?.postHolders.items.find((h) => h.id === params.postHolderId);
      return holder
        ? translate('cg.reorg.holding', {
            staff: holder.staffMember?.name ?? '…',
            post: `${holder.post.community.code} ${postLabel(holder.post)}`,
            slot: holder.slot,
          })
        : '…';
    }
    const found = extra?.gridAssignments.items.find((a) => a.id === params.assignmentId);
    return found
      ? translate('cg.reorg.grid_assignment', { staff: found.staffMember?.name ?? '…', grid: `${found.grid?.code} (${found.grid?.name})` })
      : '…';
  };
  return { unit, post, assignment };
}

/** A step as a sentence in the user's language, e.g. "Split grid C01-G01 (清真巷第1网格): building 清真巷1号院2号楼 → new grid C01-G91". */
export function useStepSentence(steps: Step[], day: string) {
  const translate = useTranslate();
  const labels = useStepLabels(steps, dayBefore(day));
  return (step: Step): string => {
    const p = step.params;
    const ref = (field: keyof StepParams, raw = p[field] as string | null | undefined) =>
      labels.unit(referenceResource(step.kind, field, p.level), raw);
    const refs = (field: keyof StepParams) =>
      asList(p[field])
        .map((raw) => ref(field, raw))
        .join(translate('cg.reorg.and'));
    const level = p.level ? translate(`cg.reorg.levels.${p.level}`) : '';
    const households = p.building
      ? translate('cg.reorg.households_building', { building: p.building })
      : p.courtyard
        ? translate('cg.reorg.households_courtyard', { courtyard: p.courtyard })
        : translate('cg.reorg.households_list', { smart_count: p.householdIds?.length ?? 0 });
    const predecessors = [
      ...asList(p.predecessorOfficeIds).map((id) => ref('predecessorOfficeIds', id)),
      ...asList(p.predecessorCommunityIds).map((id) => ref('predecessorCommunityIds', id)),
    ];
    const t = (key: string, args: Record<string, unknown> = {}) => translate(`cg.reorg.sentences.${key}`, args);
    switch (step.kind) {
      case 'CREATE_UNIT':
        return p.level === 'GRID'
          ? t('CREATE_GRID', { code: p.code, name: p.name, community: ref('communityId') })
          : t('CREATE_COMMUNITY', {
              code: p.code,
              name: p.name,
              from: predecessors.length ? t('taking_over', { units: predecessors.join(translate('cg.reorg.and')) }) : '',
            });
      case 'END_UNIT':
        return t('END_UNIT', { level, unit: ref('unitId'), target: p.targetId ? t('goes_to', { target: ref('targetId') }) : '' });
      case 'RENAME_UNIT':
        return t('RENAME_UNIT', { level, unit: ref('unitId'), to: [p.code, p.name, p.nameEn].filter(Boolean).join(' / ') });
      case 'MOVE_GRID':
        return t('MOVE_GRID', { unit: ref('unitId'), community: ref('communityId'), code: p.code ? t('new_code', { code: p.code }) : '' });
      case 'SPLIT_GRID':
        return t('SPLIT_GRID', { unit: ref('unitId'), households, code: p.code, name: p.name });
      case 'MERGE_GRIDS':
        return t('MERGE_GRIDS', { units: refs('unitIds'), target: ref('targetId') });
      case 'MOVE_HOUSEHOLDS':
        return t('MOVE_HOUSEHOLDS', { households, unit: p.unitId ? ref('unitId') : '', target: ref('targetId') });
      case 'TRANSFER_STAFF':
        return t('TRANSFER_STAFF', {
          staff: ref('staffMemberId'),
          from: ref('fromCommunityId'),
          to: [
            p.gridIds?.length ? t('to_grids', { grids: refs('gridIds') }) : '',
            p.postId ? t('to_post', { post: labels.post(p.postId), slot: p.slot ?? '' }) : '',
          ].join(''),
        });
      case 'END_ASSIGNMENT':
        return t('END_ASSIGNMENT', { what: labels.assignment(p) });
      default:
        return step.kind;
    }
  };
}
