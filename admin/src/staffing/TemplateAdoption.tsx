import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { DateInput, ReferenceInput, required, SelectInput, useCanAccess, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocalizedName } from '../common';
import { apiFailure } from '../dataProvider';
import { useApiDataProvider } from '../dataProvider/api';
import { staffingKeys } from './operations';
import { formatDay } from './posts';
import { StaffingCommand, StaffingCommandDialog } from './StaffingCommandDialog';

/**
 * The staffing template a community follows on the day shown; writers adopt
 * one (8- or 10-member) from a day, which opens the posts it requires, and
 * open the posts a new service window needs.
 */
export const TemplateAdoption = ({ communityId, day }: { communityId: string; day: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const nameOf = useLocalizedName();
  const notify = useNotify();
  const dataProvider = useApiDataProvider();
  const queryClient = useQueryClient();
  const canAdopt = useCanAccess({ resource: 'templateAdoptions', action: 'create' }).canAccess === true;
  const canOpenPosts = useCanAccess({ resource: 'posts', action: 'create' }).canAccess === true;
  const [adopting, setAdopting] = useState(false);
  const { data: adoption, isSuccess } = useQuery({
    queryKey: staffingKeys.templateAdoption(communityId, day),
    queryFn: () => dataProvider.templateAdoption(communityId, day),
    retry: false,
  });
  const command: StaffingCommand = {
    testId: 'adopt-template-dialog',
    title: translate('cg.templates.adopt_title'),
    explain: 'cg.templates.adopt_explain',
    defaults: { templateId: adoption?.template.id, effectiveOn: day },
    run: (api, v, dryRun) => api.adoptTemplate({ communityId, templateId: v.templateId, effectiveOn: v.effectiveOn }, dryRun),
  };
  // The posts opened show in the community's posts (and their gaps on every staffing screen).
  const openPosts = useMutation({
    mutationFn: () => dataProvider.openPosts(communityId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffingKeys.all }),
    onError: (caught) => {
      const error = apiFailure(caught);
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
    },
  });
  return (
    <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap" sx={{ mb: 1 }} data-testid="template-adoption">
      <Typography variant="body2" data-testid="template-adopted" data-template={adoption?.template.code ?? ''}>
        {adoption
          ? translate('cg.templates.follows', { template: nameOf(adoption.template), from: formatDay(locale, adoption.validFrom) })
          : isSuccess && translate('cg.templates.none')}
      </Typography>
      {canAdopt && (
        <Button size="small" variant="outlined" onClick={() => setAdopting(true)}>
          {translate('cg.templates.adopt')}
        </Button>
      )}
      {canOpenPosts && (
        <Button size="small" onClick={() => openPosts.mutate()}>
          {translate('cg.templates.open_posts')}
        </Button>
      )}
      <StaffingCommandDialog command={adopting ? command : null} onClose={() => setAdopting(false)} onDone={() => setAdopting(false)}>
        <ReferenceInput source="templateId" reference="staffingTemplates" sort={{ field: 'code', order: 'ASC' }}>
          <SelectInput
            optionText={(t: { name: string; nameEn: string }) => nameOf(t)}
            label="cg.templates.template"
            validate={required()}
            sx={{ minWidth: 320 }}
          />
        </ReferenceInput>
        <DateInput source="effectiveOn" label="cg.staffing.effectiveOn" validate={required()} />
      </StaffingCommandDialog>
    </Stack>
  );
};
