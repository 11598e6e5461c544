import { ArrayMaxSize, ArrayMinSize, Matches } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Input, InputMode, IsLocalDate, Text, UpdateInputType } from '../../core/inputs';
import { BaseFilter, DatedFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { IdOperators, StringOperators } from '../../core/list/operators';
import { StaffingTemplate, TemplateAdoption } from './staffing-template.entity';

function TemplateFields(mode: InputMode) {
  @InputType(`StaffingTemplateFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => String, { description: 'Unique code of capitals, digits and underscores, e.g. "MEMBERS_8".' })
    @Text(20)
    @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'must be capitals, digits and underscores, starting with a capital' })
    code!: string;
    @Input(mode, () => String) @Text(100) name!: string;
    @Input(mode, () => String) @Text(100) nameEn!: string;
    @Input(mode, () => String, { optional: true }) @Text(500) description?: string;
    @Input(mode, () => [ID], { description: 'The specialist roles a community adopting the template must fill.' })
    @ArrayMinSize(1)
    @ArrayMaxSize(50)
    roleIds!: string[];
  }
  return Fields;
}

@InputType()
export class CreateStaffingTemplateInput extends TemplateFields('create') {}
@InputType()
export class UpdateStaffingTemplateInput extends UpdateInputType(TemplateFields('update')) {}

@InputType()
export class StaffingTemplateFilter extends BaseFilter {
  @Field({ nullable: true }) code?: StringOperators;
  @Field({ nullable: true }) name?: StringOperators;
}

export enum StaffingTemplateSortField {
  code = 'code',
  name = 'name',
  createdAt = 'createdAt',
}
registerEnumType(StaffingTemplateSortField, { name: 'StaffingTemplateSortField' });

export const StaffingTemplateListOptions = ListOptionsType('StaffingTemplate', StaffingTemplateFilter, StaffingTemplateSortField);
export const StaffingTemplateList = PaginatedType('StaffingTemplate', StaffingTemplate);

@InputType({
  description:
    'A community adopts a template from a day (which may be in the future); the template it followed before ends the day before.',
})
export class AdoptTemplateInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID) templateId!: string;
  @Field(() => LocalDateResolver, { description: 'First day under the new template.' })
  @IsLocalDate()
  effectiveOn!: string;
}

@InputType()
export class TemplateAdoptionFilter extends DatedFilter {
  @Field({ nullable: true }) communityId?: IdOperators;
  @Field({ nullable: true }) templateId?: IdOperators;
}

export enum TemplateAdoptionSortField {
  communityId = 'communityId',
  templateId = 'templateId',
  createdAt = 'createdAt',
}
registerEnumType(TemplateAdoptionSortField, { name: 'TemplateAdoptionSortField' });

export const TemplateAdoptionListOptions = ListOptionsType('TemplateAdoption', TemplateAdoptionFilter, TemplateAdoptionSortField);
export const TemplateAdoptionList = PaginatedType('TemplateAdoption', TemplateAdoption);
