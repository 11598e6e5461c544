/**
 * What the dashboard reads and writes of each resource: the API's type name,
 * the fields a record carries, and the fields its create/update inputs accept.
 */
export interface ResourceConfig {
  type: string;
  fields: string;
  writable: string[];
}

const base = 'id version createdAt updatedAt';

export const RESOURCES: Record<string, ResourceConfig> = {
  districts: {
    type: 'District',
    fields: `${base} name nameEn code city communityCount gridCount householdCount residentCount`,
    writable: ['name', 'nameEn', 'code', 'city'],
  },
  offices: {
    type: 'Office',
    fields: `${base} districtId name nameEn withdrawnOn successorCommunities { id name nameEn }`,
    writable: ['districtId', 'name', 'nameEn', 'withdrawnOn'],
  },
  communities: {
    type: 'Community',
    fields: `${base} districtId name nameEn establishedOn dissolvedOn address phone gridCount householdCount residentCount predecessorOffices { id name nameEn }`,
    writable: ['districtId', 'name', 'nameEn', 'establishedOn', 'dissolvedOn', 'address', 'phone', 'predecessorOfficeIds'],
  },
  serviceWindows: {
    type: 'ServiceWindow',
    fields: `${base} communityId kind name openingHours`,
    writable: ['communityId', 'kind', 'name', 'openingHours'],
  },
  grids: {
    type: 'Grid',
    fields: `${base} communityId code name boundary householdCount residentCount`,
    writable: ['communityId', 'code', 'name', 'boundary'],
  },
  households: {
    type: 'Household',
    fields: `${base} gridId address registrationType headResidentId residentCount grid { communityId }`,
    writable: ['gridId', 'address', 'registrationType', 'headResidentId'],
  },
  residents: {
    type: 'Resident',
    fields: `${base} householdId name gender birthDate idNumber phone relationToHead tags`,
    writable: ['householdId', 'name', 'gender', 'birthDate', 'idNumber', 'phone', 'relationToHead', 'tags'],
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
};
