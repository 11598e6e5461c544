/** The product's own messages in English; react-admin's are added in index.ts. */
const common = { id: 'ID', version: 'Version', createdAt: 'Created', updatedAt: 'Updated', name: 'Name', nameEn: 'English name', q: 'Search' };
/** Fields of the units that have a validity and dated versions. */
const dated = {
  asOf: 'Shown as of', validOnAsOf: 'Valid on that day', validFrom: 'Valid from', validUntil: 'Valid until (last day)',
  versionFrom: 'From', versionUntil: 'Until (last day)', history: 'Versions over time', includeEnded: 'Include ended',
};

export const app = {
  cg: {
    app: 'Community Grid',
    menu: { coverage: 'Coverage', structure: 'Structure', tokens: 'My API tokens' },
    auth: {
      bad_credentials: 'Wrong username or password',
      too_many_attempts: 'Too many failed sign-ins; wait a little and try again',
      signed_out: 'Please sign in',
    },
    accounts: {
      reset_password: 'Reset password', password_reset: 'Password changed; the account was signed out everywhere',
      tokens: 'API tokens of this account', no_tokens: 'This account has no API tokens.',
      tokens_explain: 'Changing the role, communities, grids or staff record, resetting the password or disabling the account revokes all of them.',
    },
    tokens: {
      title: 'My API tokens', explain: 'Scripts send a token as "Authorization: Bearer …" and act with your role and reach. A token is shown once, when it is made.',
      name: 'Name', days: 'Valid for (days)', create: 'Make token', shown_once: 'Copy it now; it will not be shown again:',
      prefix: 'Starts with', created: 'Made', expires: 'Expires', last_used: 'Last used', revoked: 'Revoked', revoke: 'Revoke',
    },
    reveal: { button: 'Show full ID number and phone (recorded)' },
    age_band: { value: '%{from}–%{until} (aged %{min}–%{max})' },
    history: { title: 'History' },
    as_of: {
      label: 'As of', today: 'Today', not_valid: 'Not valid on this day: shown with its nearest version',
      read_as_of: 'Shown as of %{day}: version from %{from} until %{until}',
    },
    dated: {
      validity: 'Validity', valid_range: 'Valid from %{from} until %{until}', still_valid: 'still valid', history: 'Versions over time',
      lineage: 'Lineage', valid_from_help: 'First day of validity; empty means today',
      correction: 'Saving corrects the version valid from %{from} until %{until} in place, without history. To record a move or a change from a date, use "Move / change from a date" on the record\'s page.',
    },
    commands: {
      change: 'Move / change from a date', change_title: 'Move or change from a date',
      change_explain: 'Records a change that takes effect on the effective date (it may be in the future); earlier days keep their answer. To fix a mistake instead, use Edit.',
      end: 'End', end_title: 'End this unit', end_explain: 'The last day is the last day the unit is valid; nothing is deleted and its history stays.',
      effectiveOn: 'Effective from', lastDay: 'Last day', preview: 'Preview', apply: 'Apply',
      preview_title: 'Preview: this would make %{smart_count} change; nothing is saved yet |||| Preview: this would make %{smart_count} changes; nothing is saved yet',
      applied: 'Done: %{smart_count} change recorded |||| Done: %{smart_count} changes recorded',
      nothing_changed: 'Change at least one field besides the date',
    },
    staffing: {
      posts: 'Posts', post: 'Post', kind: 'Kind', holder_a: 'A holder', holder_b: 'B holder', vacant: 'Nobody', coordinator: 'Coordinator',
      assign: 'Assign', end: 'End', move: 'Move', from_until: '%{from} – %{until}', open_end: 'open',
      assign_title: 'Assign a holder: %{post}', end_title: 'End a holding: %{post}', move_title: 'Move a holder: %{post}',
      assign_explain: 'The person holds the slot from the first day (a future day is fine). Two A (or two B) holders at once, or one person as A and B, are refused.',
      end_explain: 'The last day is the last day the person holds the post; the past keeps its answer.',
      move_explain: 'From the effective day the person holds another post or slot, or hands over to someone else; the holding before ends the day before.',
      staffMemberId: 'Person', slot: 'Slot', postId: 'Post', validFrom: 'First day', validUntil: 'Last day (empty: no end)',
      effectiveOn: 'From', lastDay: 'Last day', hand_over_to: 'Hand over to (optional)',
      assignments: 'Posts held', grid_assignments: 'Grid member of', absences: 'Absences', add_absence: 'Record an absence',
      nothing: 'None', community: 'Community', grid: 'Grid', day: 'Day', who: 'Who',
    },
    grid_members: {
      title: 'Grid members', add: 'Add a grid member', assign_to_grid: 'Assign to a grid', staffed: 'Two members: no gap',
      assign_title: 'Assign a grid member', end_title: 'End a grid member\'s assignment', move_title: 'Move a grid member to another grid',
      assign_explain: 'The person serves the grid from the first day (a future day is fine). Every grid needs two members; one person serves a limited number of grids at once.',
      end_explain: 'The last day is the last day the person serves the grid; the past keeps its answer.',
      move_explain: 'From the effective day the person serves another grid; the assignment before ends the day before.',
    },
    templates: {
      template: 'Template', adopt: 'Adopt a template', open_posts: 'Open missing posts',
      follows: 'Follows the %{template} from %{from}', none: 'Follows no staffing template on this day',
      adopt_title: 'Adopt a staffing template',
      adopt_explain: 'From the effective day the community follows the template (a future day is fine); the template before ends the day before, and the posts the template requires are opened.',
    },
    coverage: {
      title: 'Coverage of specialist roles', explain: 'Each community\'s specialist roles on the day shown. Click a vacant cell to assign a holder.',
      community: 'Community',
    },
    duty: {
      title: 'Duty calendar', week_of: 'Week from %{day}', previous: 'Previous week', next: 'Next week', this_week: 'This week',
      covering: '%{name} (%{slot})', gap: 'Gap', conflict: 'Conflict', double_duty: '%{name} is needed at two posts', away: 'away',
      legend_gap: 'Nobody on duty', legend_conflict: 'One B needed at two posts', legend_b: 'B covers',
    },
    gaps: {
      title: 'Staffing gaps in the next 14 days', none: 'No gaps in the next 14 days.', days: '%{from} – %{until}',
      count: '%{smart_count} day |||| %{smart_count} days', members: '%{smart_count} member |||| %{smart_count} members',
    },
    dashboard: {
      title: 'Chengdong District at a glance',
      communities: 'Communities', grids: 'Grids', households: 'Households', residents: 'Residents', staff: 'Staff',
      residents_per_community: 'Residents per community',
    },
    structure: {
      title: 'District structure', search: 'Find an office, community or grid', counts: '%{households} households · %{residents} residents',
      open: 'Open', expand_all: 'Expand all', collapse_all: 'Collapse all', nothing: 'Nothing matches',
    },
    errors: {
      invalid: 'Some fields are not valid; see the messages on the form',
      stale: 'Someone else saved this record after you opened it. Reload to see their change, then apply yours again.',
      not_found: 'That record no longer exists',
      forbidden: 'Your role does not allow this',
      overlap: 'Refused: two periods that must not overlap would overlap (e.g. the same code on the same day)',
      later_change: 'Refused: a later change is already recorded; change from that day or withdraw it first',
    },
    validation: {
      role_code: 'Capitals, digits and underscores, starting with a capital (e.g. PARTY_LIAISON)',
      last_day_before_first: 'The last day cannot be before the first day',
      phone: 'Must be a mobile number (11 digits) or a landline with area code, e.g. 0971-1234567',
      resident_id: 'Not a valid resident ID number (18 characters with a correct check character)',
      json: 'Must be valid JSON',
    },
    fields: { overview: 'Overview', counts: 'Counts', children: 'Contents' },
    enums: {
      Gender: { MALE: 'Male', FEMALE: 'Female' },
      RegistrationType: { REGISTERED: 'Registered here', FLOATING: 'Floating' },
      ServiceWindowKind: { COMPREHENSIVE: 'Comprehensive', INTERMEDIARY: 'Intermediary (agency)' },
      RelationToHead: { HEAD: 'Head', SPOUSE: 'Spouse', CHILD: 'Child', PARENT: 'Parent', GRANDCHILD: 'Grandchild', GRANDPARENT: 'Grandparent', SIBLING: 'Sibling', OTHER: 'Other' },
      ResidentTag: { ELDERLY_ALONE: 'Elderly living alone', DISABLED: 'Disabled', LOW_INCOME: 'Low income', VETERAN: 'Veteran', LEFT_BEHIND_CHILD: 'Left-behind child' },
      Active: { true: 'Active', false: 'Inactive' },
      Role: { DISTRICT_ADMIN: 'District administrator', DISTRICT_OFFICIAL: 'District official', COMMUNITY_COORDINATOR: 'Community coordinator', GRID_MEMBER: 'Grid member', WINDOW_STAFF: 'Window staff', REPORT_BUILDER: 'Report builder' },
      AbsenceReason: { LEAVE: 'Leave', TRAINING: 'Training', FIELD_WORK: 'Field work', SICK: 'Sick' },
      PostSlot: { A: 'A (responsible)', B: 'B (backup)' },
      PostKind: { COORDINATOR: 'Coordinator', SPECIALIST: 'Specialist role', WINDOW: 'Service window' },
      RoleCoverageStatus: { FILLED: 'Filled', COVERED_BY_B: 'Covered by B', VACANT: 'Vacant', NOT_REQUIRED: 'Not required' },
      DutyGapKind: { POST_UNCOVERED: 'Nobody on duty', DOUBLE_DUTY: 'B needed at two posts', GRID_UNDERSTAFFED: 'Grid below two members', GRID_OVERSTAFFED: 'Grid above two members', GRID_MEMBER_UNAVAILABLE: 'Grid member unavailable' },
      AuditOperation: { CREATE: 'Created', UPDATE: 'Changed', DELETE: 'Deleted', REVEAL: 'Personal data shown', LOOKUP: 'Found by personal data' },
    },
  },
  resources: {
    specialistRoles: { name: 'Specialist role |||| Specialist roles', fields: { ...common, ...dated, code: 'Code', description: 'Description' } },
    staffingTemplates: { name: 'Staffing template |||| Staffing templates', fields: { ...common, code: 'Code', description: 'Description', roles: 'Required roles' } },
    absences: { name: 'Absence |||| Absences', fields: { ...common, ...dated, staffMemberId: 'Staff member', reason: 'Reason', validFrom: 'First day', validUntil: 'Last day', note: 'Note' } },
    districts: { name: 'District |||| Districts', fields: { ...common, code: 'Division code', city: 'City', communityCount: 'Communities', gridCount: 'Grids', householdCount: 'Households', residentCount: 'Residents' } },
    offices: { name: 'Sub-district office |||| Sub-district offices', fields: { ...common, ...dated, districtId: 'District', successorCommunities: 'Successor communities', communities: 'Communities' } },
    communities: {
      name: 'Community |||| Communities',
      fields: { ...common, ...dated, districtId: 'District', code: 'Code', officeId: 'Sub-district office', address: 'Address', phone: 'Phone', predecessorOfficeIds: 'Predecessor offices', predecessorOffices: 'Predecessor offices', predecessorCommunityIds: 'Predecessor communities', predecessorCommunities: 'Predecessor communities', successorCommunities: 'Successor communities', gridCount: 'Grids', householdCount: 'Households', residentCount: 'Residents', grids: 'Grids', serviceWindows: 'Service windows', staffMembers: 'Staff' },
    },
    serviceWindows: { name: 'Service window |||| Service windows', fields: { ...common, communityId: 'Community', kind: 'Kind', openingHours: 'Opening hours' } },
    grids: { name: 'Grid |||| Grids', fields: { ...common, ...dated, communityId: 'Community', code: 'Code', boundary: 'Boundary (GeoJSON)', householdCount: 'Households', residentCount: 'Residents', households: 'Households' } },
    households: { name: 'Household |||| Households', fields: { ...common, ...dated, gridId: 'Grid', communityId: 'Community', address: 'Address', address_contains: 'Address contains', registrationType: 'Registration', headResidentId: 'Head of household', residentCount: 'Residents', residents: 'Residents' } },
    residents: {
      name: 'Resident |||| Residents',
      fields: { ...common, ...dated, householdId: 'Household', gridId: 'Grid', communityId: 'Community', gender: 'Gender', birthDate: 'Birth date', birthDate_gte: 'Born on or after', birthDate_lte: 'Born on or before', ageBand: 'Age band', ageBand_gte: 'Born in band from', ageBand_lte: 'Born in band until', idNumber: 'ID number', idNumber_lookup: 'Find by ID number', phone_lookup: 'Find by phone', lookup_help: 'Whole, or last 4 characters (recorded)', phone: 'Phone', relationToHead: 'Relation to head', tags: 'Tags' },
    },
    accounts: { name: 'Account |||| Accounts', fields: { ...common, username: 'Username', password: 'Password', displayName: 'Display name', role: 'Role', communityIds: 'Communities', gridIds: 'Grids', staffMemberId: 'Staff record', disabled: 'Disabled' } },
    auditEvents: { name: 'Audit event |||| Audit trail', fields: { ...common, occurredAt: 'When', actorId: 'Actor', actorName: 'Who', operation: 'What', entityType: 'Record type', entityId: 'Record', changes: 'Changes' } },
    staffMembers: { name: 'Staff member |||| Staff', fields: { ...common, phone: 'Phone', homeCommunityId: 'Home community', active: 'Active' } },
  },
};
