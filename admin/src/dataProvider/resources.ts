/**
 * What the dashboard reads and writes of each resource: the API's type name,
 * the fields a record carries, and the fields its create/update inputs accept.
 */
export interface ResourceConfig {
  type: string;
  fields: string;
  /** Read with one record only (show and edit pages), e.g. its history. */
  detail?: string;
  writable: string[];
  /** Read as of a day (the root query takes asOf). */
  asOf?: boolean;
  /** Dated: has a validity and versions; updates correct the version read, changeX/endX make history. */
  dated?: boolean;
  /** The API has no query for one record: GET_ONE reads the list filtered by id. */
  oneFromList?: boolean;
}

const base = 'id version createdAt updatedAt';
const validity = 'asOf validOnAsOf validFrom validUntil versionFrom versionUntil';
const lineage = 'id code name nameEn validFrom validUntil';
/** Every parameter a reorganization step may carry (which apply depends on its kind). */
export const STEP_PARAMS = `level unitId unitIds targetId communityId code name nameEn address phone predecessorOfficeIds predecessorCommunityIds
  householdIds courtyard building staffMemberId fromCommunityId gridIds postId slot assignmentId postHolderId`;

export const RESOURCES: Record<string, ResourceConfig> = {
  districts: {
    type: 'District',
    fields: `${base} name nameEn code city communityCount gridCount householdCount residentCount`,
    writable: ['name', 'nameEn', 'code', 'city'],
    asOf: true,
  },
  offices: {
    type: 'Office',
    fields: `${base} ${validity} districtId name nameEn successorCommunities { ${lineage} }`,
    detail: 'history { versionFrom versionUntil name nameEn }',
    writable: ['districtId', 'name', 'nameEn', 'validFrom'],
    asOf: true,
    dated: true,
  },
  communities: {
    type: 'Community',
    fields: `${base} ${validity} districtId code name nameEn officeId address phone gridCount householdCount residentCount
      predecessorOffices { id name nameEn validFrom validUntil } predecessorCommunities { ${lineage} } successorCommunities { ${lineage} }`,
    detail: 'history { versionFrom versionUntil code name nameEn officeId office { id name nameEn } }',
    writable: [
      'districtId',
      'code',
      'name',
      'nameEn',
      'officeId',
      'address',
      'phone',
      'predecessorOfficeIds',
      'predecessorCommunityIds',
      'validFrom',
    ],
    asOf: true,
    dated: true,
  },
  serviceWindows: {
    type: 'ServiceWindow',
    fields: `${base} communityId kind name openingHours`,
    writable: ['communityId', 'kind', 'name', 'openingHours'],
  },
  grids: {
    type: 'Grid',
    fields: `${base} ${validity} communityId code name boundary householdCount residentCount`,
    detail: `history { versionFrom versionUntil code name communityId community { id code name nameEn } }
      lineage { id day reason planId predecessorId successorId predecessor { id code name } successor { id code name } }`,
    writable: ['communityId', 'code', 'name', 'boundary', 'validFrom'],
    asOf: true,
    dated: true,
  },
  households: {
    type: 'Household',
    fields: `${base} ${validity} gridId address registrationType headResidentId residentCount grid { id communityId }`,
    detail: 'history { versionFrom versionUntil gridId registrationType grid { id code name community { id code name nameEn } } }',
    writable: ['gridId', 'address', 'registrationType', 'headResidentId', 'validFrom'],
    asOf: true,
    dated: true,
  },
  residents: {
    type: 'Resident',
    fields: `${base} ${validity} householdId name gender birthDate ageBand { bornFrom bornUntil minAge maxAge } idNumber phone relationToHead tags`,
    detail: 'history { versionFrom versionUntil householdId relationToHead tags household { id address } }',
    writable: ['householdId', 'name', 'gender', 'birthDate', 'idNumber', 'phone', 'relationToHead', 'tags', 'validFrom'],
    asOf: true,
    dated: true,
  },
  accounts: {
    type: 'Account',
    fields: `${base} username displayName role communityIds gridIds staffMemberId disabled`,
    writable: ['username', 'password', 'displayName', 'role', 'communityIds', 'gridIds', 'staffMemberId', 'disabled'],
  },
  auditEvents: {
    type: 'AuditEvent',
    fields: 'id occurredAt actorId actorName operation entityType entityId changes',
    writable: [],
  },
  staffMembers: {
    type: 'StaffMember',
    fields: `${base} name phone homeCommunityId active`,
    writable: ['name', 'phone', 'homeCommunityId', 'active'],
  },
  specialistRoles: {
    type: 'SpecialistRole',
    fields: `${base} ${validity} code name nameEn description`,
    detail: 'history { versionFrom versionUntil name nameEn description }',
    writable: ['code', 'name', 'nameEn', 'description', 'validFrom'],
    asOf: true,
    dated: true,
  },
  staffingTemplates: {
    type: 'StaffingTemplate',
    fields: `${base} code name nameEn description roles { id code name nameEn validOnAsOf }`,
    writable: [],
    asOf: true,
  },
  reorganizationPlans: {
    type: 'ReorganizationPlan',
    fields: `${base} name description effectiveOn status stepCount authorId authorName appliedAt revertedOn`,
    detail: `steps { id version position kind params { ${STEP_PARAMS} } }`,
    writable: ['name', 'description', 'effectiveOn'],
  },
  absences: {
    type: 'Absence',
    fields: `${base} asOf validOnAsOf staffMemberId reason validFrom validUntil note`,
    writable: ['staffMemberId', 'reason', 'validFrom', 'validUntil', 'note'],
    asOf: true,
    oneFromList: true,
  },
};

const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);

/**
 * The list query of a resource (GET_LIST, GET_MANY, GET_MANY_REFERENCE): one page of `options.take` (at most 100),
 * with its total (a lower bound when `totalItemsIsExact` is false: more rows match than the API counts).
 */
export function listQueryText(resource: string): string {
  const { type, fields, asOf } = RESOURCES[resource];
  return asOf
    ? `query ($options: ${type}ListOptions, $asOf: LocalDate) { ${resource}(options: $options, asOf: $asOf) { totalItems totalItemsIsExact items { ${fields} } } }`
    : `query ($options: ${type}ListOptions) { ${resource}(options: $options) { totalItems totalItemsIsExact items { ${fields} } } }`;
}

/** One record with its details (GET_ONE); writes return the same fields. */
export function oneQueryText(resource: string): string {
  const { type, asOf } = RESOURCES[resource];
  const fields = `${RESOURCES[resource].fields} ${RESOURCES[resource].detail ?? ''}`;
  return asOf
    ? `query ($id: ID!, $asOf: LocalDate) { ${lowerFirst(type)}(id: $id, asOf: $asOf) { ${fields} } }`
    : `query ($id: ID!) { ${lowerFirst(type)}(id: $id) { ${fields} } }`;
}
