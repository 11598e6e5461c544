import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DateInput,
  ReferenceInput,
  required,
  SelectInput,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useLocalizedName } from '../common';
import { apiFailure, type QueryFn } from '../dataProvider';
import { useApiQuery } from '../useApiQuery';
import { formatDay } from './posts';
import { COMMAND_RESULT, StaffingCommand, StaffingCommandDialog } from './StaffingCommandDialog';

const ADOPTION = `query ($id: ID!, $asOf: LocalDate) {
  community(id: $id) { id templateAdoption(asOf: $asOf) { id validFrom validUntil template { id code name nameEn } } }
}`;
const ADOPT = `mutation ($input: AdoptTemplateInput!, $dryRun: Boolean!) { result: adoptTemplate(input: $input, dryRun: $dryRun) { ${COMMAND_RESULT} } }`;
const OPEN_POSTS = 'mutation ($communityId: ID!) { openPosts(communityId: $communityId) { id } }';

interface Adoption {
  id: string;
  validFrom: string;
  validUntil: string | null;
  template: { id: string; code: string; name: string; nameEn: string };
}

/**
 * The staffing template a community follows on the day shown; writers adopt
 * one (8- or 10-member) from a day, which opens the posts it requires, and
 * open the posts a new service window needs.
 */
export const TemplateAdoption = ({ communityId, day, onChanged }: { communityId: string; day: string; onChanged: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const nameOf = useLocalizedName();
  const notify = useNotify();
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const canAdopt = useCanAccess({ resource: 'templateAdoptions', action: 'create' }).canAccess === true;
  const canOpenPosts = useCanAccess({ resource: 'posts', action: 'create' }).canAccess === true;
  const [adopting, setAdopting] = useState(false);
  const { data, reload } = useApiQuery<{ community: { templateAdoption: Adoption | null } | null }>(ADOPTION, {
    id: communityId,
    asOf: day,
  });
  const adoption = data?.community?.templateAdoption;
  const command: StaffingCommand = {
    testId: 'adopt-template-dialog',
    title: translate('cg.templates.adopt_title'),
    explain: 'cg.templates.adopt_explain',
    mutation: ADOPT,
    defaults: { templateId: adoption?.template.id, effectiveOn: day },
    variables: (v) => ({ input: { communityId, templateId: v.templateId, effectiveOn: v.effectiveOn } }),
  };
  const openPosts = async () => {
    try {
      await dataProvider.query(OPEN_POSTS, { communityId });
      onChanged();
    } catch (caught) {
      const error = apiFailure(caught);
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap" sx={{ mb: 1 }} data-testid="template-adoption">
      <Typography variant="body2" data-testid="template-adopted" data-template={adoption?.template.code ?? ''}>
        {adoption
          ? translate('cg.templates.follows', { template: nameOf(adoption.template), from: formatDay(locale, adoption.validFrom) })
          : data && translate('cg.templates.none')}
      </Typography>
      {canAdopt && (
        <Button size="small" variant="outlined" onClick={() => setAdopting(true)}>
          {translate('cg.templates.adopt')}
        </Button>
      )}
      {canOpenPosts && (
        <Button size="small" onClick={openPosts}>
          {translate('cg.templates.open_posts')}
        </Button>
      )}
      <StaffingCommandDialog
        command={adopting ? command : null}
        onClose={() => setAdopting(false)}
        onDone={() => {
          setAdopting(false);
          reload();
          onChanged();
        }}
      >
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
