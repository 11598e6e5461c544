import { PlanStepKind, PostSlot, UnitLevel } from '@community-grid/shared';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { apiFailure } from '../dataProvider';
import { useApiDataProvider } from '../dataProvider/api';
import { usePostLabel } from '../staffing/posts';
import { HouseholdChooser } from './HouseholdChooser';
import { reorganizationKeys } from './operations';
import { createdBy, LEVEL_RESOURCE, Plan, Step, StepParams } from './plans';
import { Option, UnitPicker } from './UnitPicker';

const KINDS = Object.values(PlanStepKind);
/** Levels each kind acts on (a plan creates communities and grids, and ends or renames offices too). */
const LEVELS: Partial<Record<PlanStepKind, UnitLevel[]>> = {
  CREATE_UNIT: [UnitLevel.COMMUNITY, UnitLevel.GRID],
  END_UNIT: [UnitLevel.OFFICE, UnitLevel.COMMUNITY, UnitLevel.GRID],
  RENAME_UNIT: [UnitLevel.OFFICE, UnitLevel.COMMUNITY, UnitLevel.GRID],
};

/** What the API read back carries besides the parameters (Apollo's __typename) is not sent again. */
const withoutTypename = ({ __typename: _, ...params }: StepParams & { __typename?: string }): StepParams => params;

/** Empty texts and lists are not sent: the API refuses parameters a kind does not take. */
function clean(params: StepParams): StepParams {
  return Object.fromEntries(
    Object.entries(params).filter(
      ([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
    ),
  ) as StepParams;
}

/**
 * Adds a step to a draft (or changes one): first its kind, then its units
 * through pickers (never ids), the households by courtyard, building or list.
 * The API checks the parameters for the kind; its messages land on the fields.
 */
export const StepDialog = ({ plan, step, onClose, onSaved }: { plan: Plan; step?: Step; onClose: () => void; onSaved: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useApiDataProvider();
  const [kind, setKind] = useState<PlanStepKind | ''>(step?.kind ?? '');
  const [params, setParams] = useState<StepParams>(() => clean(withoutTypename(step?.params ?? {})));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const day = plan.effectiveOn;
  const earlier = (plan.steps ?? []).filter((s) => !step || s.position < step.position);
  const created = (resource: string): Option[] =>
    earlier.flatMap((s) => {
      const unit = createdBy(s);
      return unit?.resource === resource ? [{ id: `new:${s.id}`, label: translate('cg.reorg.new_unit', { code: unit.code }) }] : [];
    });
  const set = (patch: StepParams) => setParams((current) => ({ ...current, ...patch }));
  const chooseKind = (next: PlanStepKind) => {
    setKind(next);
    setParams(LEVELS[next] ? { level: LEVELS[next]![0] } : {});
    setErrors({});
  };

  const save = async () => {
    if (!kind) return;
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await (step
        ? dataProvider.updateReorganizationStep({ id: step.id, params: clean(params) })
        : dataProvider.addReorganizationStep({ planId: plan.id, kind, params: clean(params) }));
      onSaved();
    } catch (caught) {
      const error = apiFailure(caught);
      setErrors(error?.body?.errors ?? {});
      setFailure(translate(error?.message ?? 'ra.notification.http_error', { _: error?.message }));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: 'code' | 'name' | 'nameEn' | 'address' | 'phone', label = `cg.reorg.fields.${field}`) => (
    <TextField
      size="small"
      label={translate(label)}
      value={params[field] ?? ''}
      onChange={(event) => set({ [field]: event.target.value })}
      error={Boolean(errors[field])}
      helperText={errors[field]}
      sx={{ minWidth: 200 }}
      inputProps={{ 'aria-label': translate(label) }}
    />
  );
  const unit = (field: 'unitId' | 'targetId' | 'communityId' | 'fromCommunityId' | 'staffMemberId', resource: string, label: string) => (
    <UnitPicker
      resource={resource}
      label={translate(label)}
      day={day}
      created={created(resource)}
      error={errors[field]}
      testId={`pick-${field}`}
      value={params[field] ?? null}
      onChange={(value) => set({ [field]: value })}
    />
  );
  const units = (field: 'unitIds' | 'gridIds' | 'predecessorOfficeIds' | 'predecessorCommunityIds', resource: string, label: string) => (
    <UnitPicker
      multiple
      resource={resource}
      label={translate(label)}
      day={day}
      created={created(resource)}
      error={errors[field]}
      testId={`pick-${field}`}
      value={params[field] ?? []}
      onChange={(value) => set({ [field]: value })}
    />
  );
  const levelResource = params.level ? LEVEL_RESOURCE[params.level] : 'grids';
  const households = (
    <HouseholdChooser
      gridId={params.unitId}
      day={day}
      error={errors.householdIds ?? errors.building ?? errors.courtyard}
      value={{ building: params.building, courtyard: params.courtyard, householdIds: params.householdIds }}
      onChange={(selection) => set({ building: undefined, courtyard: undefined, householdIds: undefined, ...selection })}
    />
  );

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="step-dialog">
      <DialogTitle>{translate(step ? 'cg.reorg.edit_step' : 'cg.reorg.add_step')}</DialogTitle>
      <DialogContent>
        <Stack sx={{ pt: 1 }}>
          <FormControl size="small" sx={{ minWidth: 420, mb: 2 }} disabled={Boolean(step)}>
            <InputLabel id="step-kind">{translate('cg.reorg.fields.kind')}</InputLabel>
            <Select
              labelId="step-kind"
              label={translate('cg.reorg.fields.kind')}
              value={kind}
              onChange={(event) => chooseKind(event.target.value as PlanStepKind)}
            >
              {KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`cg.enums.PlanStepKind.${k}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          {kind && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate(`cg.reorg.explain.${kind}`)}
            </Typography>
          )}
          {kind && LEVELS[kind] && (
            <FormControl size="small" sx={{ minWidth: 200, mb: 2 }} disabled={Boolean(step)}>
              <InputLabel id="step-level">{translate('cg.reorg.fields.level')}</InputLabel>
              <Select
                labelId="step-level"
                label={translate('cg.reorg.fields.level')}
                value={params.level ?? ''}
                onChange={(event) => setParams({ level: event.target.value as UnitLevel })}
              >
                {LEVELS[kind]!.map((level) => (
                  <MenuItem key={level} value={level}>
                    {translate(`cg.reorg.levels.${level}`)}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          )}
          {kind === 'CREATE_UNIT' && (
            <>
              {params.level === 'GRID' && unit('communityId', 'communities', 'cg.reorg.fields.communityId')}
              <Stack direction="row" gap={2} sx={{ mb: 2 }} flexWrap="wrap">
                {text('code')}
                {text('name')}
                {params.level === 'COMMUNITY' && text('nameEn')}
              </Stack>
              {params.level === 'COMMUNITY' && (
                <>
                  <Stack direction="row" gap={2} sx={{ mb: 2 }}>
                    {text('address')}
                    {text('phone')}
                  </Stack>
                  {units('predecessorOfficeIds', 'offices', 'cg.reorg.fields.predecessorOfficeIds')}
                  {units('predecessorCommunityIds', 'communities', 'cg.reorg.fields.predecessorCommunityIds')}
                </>
              )}
            </>
          )}
          {kind === 'END_UNIT' && (
            <>
              {unit('unitId', levelResource, 'cg.reorg.fields.unitId')}
              {unit('targetId', levelResource, `cg.reorg.fields.target_${params.level ?? 'GRID'}`)}
            </>
          )}
          {kind === 'RENAME_UNIT' && (
            <>
              {unit('unitId', levelResource, 'cg.reorg.fields.unitId')}
              <Stack direction="row" gap={2} sx={{ mb: 2 }} flexWrap="wrap">
                {params.level !== 'OFFICE' && text('code')}
                {text('name')}
                {params.level !== 'GRID' && text('nameEn')}
              </Stack>
            </>
          )}
          {kind === 'MOVE_GRID' && (
            <>
              {unit('unitId', 'grids', 'cg.reorg.fields.gridId')}
              {unit('communityId', 'communities', 'cg.reorg.fields.toCommunityId')}
              <Stack direction="row" gap={2} sx={{ mb: 2 }}>
                {text('code', 'cg.reorg.fields.newCode')}
              </Stack>
            </>
          )}
          {kind === 'SPLIT_GRID' && (
            <>
              {unit('unitId', 'grids', 'cg.reorg.fields.splitGridId')}
              {households}
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                {translate('cg.reorg.new_grid')}
              </Typography>
              <Stack direction="row" gap={2} sx={{ mb: 2 }} flexWrap="wrap">
                {text('code')}
                {text('name')}
              </Stack>
              {unit('communityId', 'communities', 'cg.reorg.fields.splitCommunityId')}
            </>
          )}
          {kind === 'MERGE_GRIDS' && (
            <>
              {unit('targetId', 'grids', 'cg.reorg.fields.mergeTargetId')}
              {units('unitIds', 'grids', 'cg.reorg.fields.unitIds')}
            </>
          )}
          {kind === 'MOVE_HOUSEHOLDS' && (
            <>
              {unit('unitId', 'grids', 'cg.reorg.fields.fromGridId')}
              {households}
              {unit('targetId', 'grids', 'cg.reorg.fields.toGridId')}
            </>
          )}
          {kind === 'TRANSFER_STAFF' && (
            <>
              {unit('staffMemberId', 'staffMembers', 'cg.reorg.fields.staffMemberId')}
              {unit('fromCommunityId', 'communities', 'cg.reorg.fields.fromCommunityId')}
              {units('gridIds', 'grids', 'cg.reorg.fields.gridIds')}
              <PostPicker day={day} params={params} set={set} error={errors.postId ?? errors.slot} />
            </>
          )}
          {kind === 'END_ASSIGNMENT' && (
            <>
              {unit('staffMemberId', 'staffMembers', 'cg.reorg.fields.staffMemberId')}
              <AssignmentPicker day={day} params={params} set={set} error={errors.assignmentId ?? errors.postHolderId} />
            </>
          )}
          {failure && (
            <Alert severity="error" data-testid="step-failure">
              {failure}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="ra.action.save" variant="contained" disabled={busy || !kind} onClick={save} />
      </DialogActions>
    </Dialog>
  );
};

/** TRANSFER_STAFF: optionally a post (and slot) held from the day, among the posts of the community the first grid belongs to. */
const PostPicker = ({ day, params, set, error }: { day: string; params: StepParams; set: (patch: StepParams) => void; error?: string }) => {
  const translate = useTranslate();
  const postLabel = usePostLabel();
  const [communityId, setCommunityId] = useState<string | null>(null);
  const dataProvider = useApiDataProvider();
  const { data: posts } = useQuery({
    queryKey: reorganizationKeys.stepPostChoices(communityId),
    queryFn: () => dataProvider.stepPostChoices(communityId!),
    enabled: Boolean(communityId),
    retry: false,
  });
  return (
    <>
      <UnitPicker
        resource="communities"
        label={translate('cg.reorg.fields.postCommunityId')}
        day={day}
        value={communityId}
        onChange={setCommunityId}
      />
      {communityId && (
        <Stack direction="row" gap={2} sx={{ mb: 2 }}>
          <FormControl size="small" sx={{ minWidth: 300 }} error={Boolean(error)}>
            <InputLabel id="step-post">{translate('cg.reorg.fields.postId')}</InputLabel>
            <Select
              labelId="step-post"
              label={translate('cg.reorg.fields.postId')}
              value={params.postId ?? ''}
              onChange={(event) => set({ postId: event.target.value || null })}
            >
              <MenuItem value="">—</MenuItem>
              {(posts ?? []).map((post) => (
                <MenuItem key={post.id} value={post.id}>
                  {postLabel(post)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl size="small" sx={{ minWidth: 160 }}>
            <InputLabel id="step-slot">{translate('cg.staffing.slot')}</InputLabel>
            <Select
              labelId="step-slot"
              label={translate('cg.staffing.slot')}
              value={params.slot ?? ''}
              onChange={(event) => set({ slot: (event.target.value || null) as PostSlot | null })}
            >
              <MenuItem value="">—</MenuItem>
              {Object.values(PostSlot).map((slot) => (
                <MenuItem key={slot} value={slot}>
                  {translate(`cg.enums.PostSlot.${slot}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Stack>
      )}
    </>
  );
};

/** END_ASSIGNMENT: one of the person's grid assignments or post holdings on the day. */
const AssignmentPicker = ({
  day,
  params,
  set,
  error,
}: {
  day: string;
  params: StepParams;
  set: (patch: StepParams) => void;
  error?: string;
}) => {
  const translate = useTranslate();
  const postLabel = usePostLabel();
  const dataProvider = useApiDataProvider();
  const { data } = useQuery({
    queryKey: reorganizationKeys.stepAssignmentChoices(params.staffMemberId, day),
    queryFn: () => dataProvider.stepAssignmentChoices(params.staffMemberId!, day),
    enabled: Boolean(params.staffMemberId),
    retry: false,
  });
  if (!params.staffMemberId) return null;
  const value = params.assignmentId ? `a${params.assignmentId}` : params.postHolderId ? `h${params.postHolderId}` : '';
  return (
    <FormControl size="small" sx={{ minWidth: 420, mb: 2 }} error={Boolean(error)}>
      <InputLabel id="step-assignment">{translate('cg.reorg.fields.assignment')}</InputLabel>
      <Select
        labelId="step-assignment"
        label={translate('cg.reorg.fields.assignment')}
        value={value}
        onChange={(event) => {
          const chosen = String(event.target.value);
          set(
            chosen.startsWith('a')
              ? { assignmentId: chosen.slice(1), postHolderId: null }
              : { postHolderId: chosen.slice(1), assignmentId: null },
          );
        }}
      >
        {(data?.gridAssignments.items ?? []).map((a) => (
          <MenuItem
            key={`a${a.id}`}
            value={`a${a.id}`}
          >{`${translate('cg.reorg.levels.GRID')} ${a.grid?.code} (${a.grid?.name})`}</MenuItem>
        ))}
        {(data?.postHolders.items ?? []).map((h) => (
          <MenuItem key={`h${h.id}`} value={`h${h.id}`}>{`${h.post.community.code} ${postLabel(h.post)} (${h.slot})`}</MenuItem>
        ))}
      </Select>
    </FormControl>
  );
};
