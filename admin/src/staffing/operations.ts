import { graphql } from '../gql';
import type { Request } from '../dataProvider/api';
import type {
  AdoptTemplateInput,
  AssignGridMemberInput,
  AssignPostHolderInput,
  MoveGridMemberInput,
  MovePostHolderInput,
  RotatePostInput,
} from '../gql/graphql';

/** The staffing screens' reads and commands: typed operations generated from the schema (`npm run codegen`). */

export const POST_FIELDS = graphql(`
  fragment PostFields on Post {
    id
    kind
    communityId
    specialistRole {
      id
      code
      name
      nameEn
    }
    serviceWindow {
      id
      name
    }
  }
`);
export const HOLDER_FIELDS = graphql(`
  fragment HolderFields on PostHolder {
    id
    slot
    staffMemberId
    validFrom
    validUntil
    version
    staffMember {
      id
      name
    }
  }
`);
/** What every command answers with: what it wrote (or, previewed, would write) and the record it leaves. */
export const COMMAND_CHANGE_FIELDS = graphql(`
  fragment CommandChangeFields on CommandChange {
    operation
    entityType
    entityId
    changes
  }
`);
// What each staffing command below answers, one fragment per result type (they differ by the record they leave); codegen reads them here.
graphql(`
  fragment GridAssignmentOutcome on GridAssignmentCommandResult {
    dryRun
    correlationId
    changeCount
    changes {
      ...CommandChangeFields
    }
    record {
      id
    }
  }
`);
graphql(`
  fragment PostHolderOutcome on PostHolderCommandResult {
    dryRun
    correlationId
    changeCount
    changes {
      ...CommandChangeFields
    }
    record {
      id
    }
  }
`);
graphql(`
  fragment PostRotationOutcome on PostRotationCommandResult {
    dryRun
    correlationId
    changeCount
    changes {
      ...CommandChangeFields
    }
    record {
      id
    }
  }
`);
graphql(`
  fragment TemplateAdoptionOutcome on TemplateAdoptionCommandResult {
    dryRun
    correlationId
    changeCount
    changes {
      ...CommandChangeFields
    }
    record {
      id
    }
  }
`);

/** A community's posts with who holds them on the day, and their rotations (all, to show one that starts later): 14 or so a community, one page. */
const COMMUNITY_POSTS = graphql(`
  query CommunityPosts($communityId: ID!, $asOf: LocalDate) {
    posts(options: { take: 100, filter: { communityId: { eq: $communityId } } }) {
      items {
        ...PostFields
        holders(asOf: $asOf) {
          ...HolderFields
        }
      }
    }
    postRotations(options: { take: 100, filter: { communityId: { eq: $communityId }, includeEnded: true } }) {
      items {
        id
        postId
        everyWeeks
        validFrom
        validUntil
      }
    }
  }
`);

// A grid has two members (a handful at most while one hands over): one small page.
const GRID_MEMBERS = graphql(`
  query GridMembers($gridId: ID!, $communityId: ID!, $asOf: LocalDate) {
    gridAssignments(asOf: $asOf, options: { take: 20, filter: { gridId: { eq: $gridId } } }) {
      items {
        id
        gridId
        staffMemberId
        validFrom
        validUntil
        staffMember {
          id
          name
          active
        }
      }
    }
    gridStaffingGaps(asOf: $asOf, communityId: $communityId) {
      kind
      gridId
      staffMember {
        name
      }
      memberCount
    }
  }
`);

// Every holding of the community's posts (the week may cross a change of holder) and the week's gaps.
const DUTY_WEEK = graphql(`
  query DutyWeek($communityId: ID!, $from: LocalDate!, $to: LocalDate!) {
    posts(options: { take: 100, filter: { communityId: { eq: $communityId } } }) {
      items {
        ...PostFields
        holders(includeEnded: true) {
          ...HolderFields
        }
      }
    }
    dutyGaps(communityId: $communityId, from: $from, to: $to) {
      day
      kind
      postId
      staffMember {
        name
      }
      grid {
        code
        name
      }
      memberCount
    }
    postRotations(options: { take: 100, filter: { communityId: { eq: $communityId }, includeEnded: true } }) {
      items {
        postId
        everyWeeks
        validFrom
        validUntil
      }
    }
  }
`);
const ABSENCES = graphql(`
  query StaffAbsenceDays($ids: [ID!]!) {
    absences(options: { take: 100, filter: { staffMemberId: { in: $ids }, includeEnded: true } }) {
      items {
        staffMemberId
        validFrom
        validUntil
      }
    }
  }
`);

const COVERAGE = graphql(`
  query RoleCoverage($asOf: LocalDate) {
    communities(asOf: $asOf, options: { take: 100, sort: [{ field: code, order: ASC }] }) {
      items {
        id
        code
        name
        nameEn
      }
    }
    specialistRoles(asOf: $asOf, options: { take: 100 }) {
      items {
        id
        code
        name
        nameEn
      }
    }
    roleCoverage(asOf: $asOf) {
      day
      communityId
      specialistRoleId
      postId
      status
      holderA {
        name
      }
      holderB {
        name
      }
    }
  }
`);

// Every holding and grid assignment ever, newest first: a person's page tells their whole story.
const STAFF_ASSIGNMENTS = graphql(`
  query StaffAssignments($id: ID!) {
    postHolders(options: { take: 50, filter: { staffMemberId: { eq: $id }, includeEnded: true } }) {
      items {
        ...HolderFields
        post {
          ...PostFields
          community {
            id
            name
            nameEn
          }
        }
      }
    }
    gridAssignments(options: { take: 20, filter: { staffMemberId: { eq: $id }, includeEnded: true } }) {
      items {
        id
        gridId
        staffMemberId
        validFrom
        validUntil
        grid {
          id
          code
          name
          community {
            id
            name
            nameEn
          }
        }
      }
    }
  }
`);

// The default period: today and the 13 days after, for every community in the caller's reach.
const DUTY_GAPS = graphql(`
  query UpcomingDutyGaps {
    dutyGaps {
      day
      kind
      communityId
      postId
      gridId
      staffMemberId
      memberCount
      community {
        name
        nameEn
      }
      post {
        ...PostFields
      }
      grid {
        code
        name
      }
      staffMember {
        name
      }
    }
  }
`);

const TEMPLATE_ADOPTION = graphql(`
  query TemplateAdoption($id: ID!, $asOf: LocalDate) {
    community(id: $id) {
      id
      templateAdoption(asOf: $asOf) {
        id
        validFrom
        validUntil
        template {
          id
          code
          name
          nameEn
        }
      }
    }
  }
`);

const ASSIGN_GRID_MEMBER = graphql(`
  mutation AssignGridMember($input: AssignGridMemberInput!, $dryRun: Boolean!) {
    result: assignGridMember(input: $input, dryRun: $dryRun) {
      ...GridAssignmentOutcome
    }
  }
`);
const END_GRID_MEMBER = graphql(`
  mutation EndGridMember($id: ID!, $lastDay: LocalDate!, $dryRun: Boolean!) {
    result: endGridMember(id: $id, lastDay: $lastDay, dryRun: $dryRun) {
      ...GridAssignmentOutcome
    }
  }
`);
const MOVE_GRID_MEMBER = graphql(`
  mutation MoveGridMember($input: MoveGridMemberInput!, $dryRun: Boolean!) {
    result: moveGridMember(input: $input, dryRun: $dryRun) {
      ...GridAssignmentOutcome
    }
  }
`);
const ASSIGN_POST_HOLDER = graphql(`
  mutation AssignPostHolder($input: AssignPostHolderInput!, $dryRun: Boolean!) {
    result: assignPostHolder(input: $input, dryRun: $dryRun) {
      ...PostHolderOutcome
    }
  }
`);
const END_POST_HOLDER = graphql(`
  mutation EndPostHolder($id: ID!, $lastDay: LocalDate!, $dryRun: Boolean!) {
    result: endPostHolder(id: $id, lastDay: $lastDay, dryRun: $dryRun) {
      ...PostHolderOutcome
    }
  }
`);
const MOVE_POST_HOLDER = graphql(`
  mutation MovePostHolder($input: MovePostHolderInput!, $dryRun: Boolean!) {
    result: movePostHolder(input: $input, dryRun: $dryRun) {
      ...PostHolderOutcome
    }
  }
`);
const ROTATE_POST = graphql(`
  mutation RotatePost($input: RotatePostInput!, $dryRun: Boolean!) {
    result: rotatePost(input: $input, dryRun: $dryRun) {
      ...PostRotationOutcome
    }
  }
`);
const END_POST_ROTATION = graphql(`
  mutation EndPostRotation($id: ID!, $lastDay: LocalDate!, $dryRun: Boolean!) {
    result: endPostRotation(id: $id, lastDay: $lastDay, dryRun: $dryRun) {
      ...PostRotationOutcome
    }
  }
`);
const ADOPT_TEMPLATE = graphql(`
  mutation AdoptTemplate($input: AdoptTemplateInput!, $dryRun: Boolean!) {
    result: adoptTemplate(input: $input, dryRun: $dryRun) {
      ...TemplateAdoptionOutcome
    }
  }
`);
const OPEN_POSTS = graphql(`
  mutation OpenPosts($communityId: ID!) {
    openPosts(communityId: $communityId) {
      id
    }
  }
`);

export function staffingMethods(request: Request) {
  return {
    communityPosts: (communityId: string, asOf: string) => request(COMMUNITY_POSTS, { communityId, asOf }),
    gridMembers: (gridId: string, communityId: string, asOf: string) => request(GRID_MEMBERS, { gridId, communityId, asOf }),
    dutyWeek: (communityId: string, from: string, to: string) => request(DUTY_WEEK, { communityId, from, to }),
    absenceDays: async (staffMemberIds: string[]) => (await request(ABSENCES, { ids: staffMemberIds })).absences.items,
    roleCoverage: (asOf: string | null) => request(COVERAGE, asOf ? { asOf } : {}),
    staffAssignments: (staffMemberId: string) => request(STAFF_ASSIGNMENTS, { id: staffMemberId }),
    upcomingDutyGaps: async () => (await request(DUTY_GAPS)).dutyGaps,
    templateAdoption: async (communityId: string, asOf: string) =>
      (await request(TEMPLATE_ADOPTION, { id: communityId, asOf })).community?.templateAdoption ?? null,
    assignGridMember: async (input: AssignGridMemberInput, dryRun: boolean) =>
      (await request(ASSIGN_GRID_MEMBER, { input, dryRun })).result,
    endGridMember: async (id: string, lastDay: string, dryRun: boolean) => (await request(END_GRID_MEMBER, { id, lastDay, dryRun })).result,
    moveGridMember: async (input: MoveGridMemberInput, dryRun: boolean) => (await request(MOVE_GRID_MEMBER, { input, dryRun })).result,
    assignPostHolder: async (input: AssignPostHolderInput, dryRun: boolean) =>
      (await request(ASSIGN_POST_HOLDER, { input, dryRun })).result,
    endPostHolder: async (id: string, lastDay: string, dryRun: boolean) => (await request(END_POST_HOLDER, { id, lastDay, dryRun })).result,
    movePostHolder: async (input: MovePostHolderInput, dryRun: boolean) => (await request(MOVE_POST_HOLDER, { input, dryRun })).result,
    rotatePost: async (input: RotatePostInput, dryRun: boolean) => (await request(ROTATE_POST, { input, dryRun })).result,
    endPostRotation: async (id: string, lastDay: string, dryRun: boolean) =>
      (await request(END_POST_ROTATION, { id, lastDay, dryRun })).result,
    adoptTemplate: async (input: AdoptTemplateInput, dryRun: boolean) => (await request(ADOPT_TEMPLATE, { input, dryRun })).result,
    openPosts: async (communityId: string) => (await request(OPEN_POSTS, { communityId })).openPosts,
  };
}

/** react-query keys of the staffing reads: all under `staffing`, which a staffing command invalidates as a whole. */
export const staffingKeys = {
  all: ['staffing'] as const,
  communityPosts: (communityId: string, asOf: string) => ['staffing', 'communityPosts', communityId, asOf] as const,
  gridMembers: (gridId: string, communityId: string, asOf: string) => ['staffing', 'gridMembers', gridId, communityId, asOf] as const,
  dutyWeek: (communityId: string, from: string, to: string) => ['staffing', 'dutyWeek', communityId, from, to] as const,
  absenceDays: (staffMemberIds: string[]) => ['staffing', 'absenceDays', staffMemberIds] as const,
  roleCoverage: (asOf: string | null) => ['staffing', 'roleCoverage', asOf] as const,
  staffAssignments: (staffMemberId: string) => ['staffing', 'staffAssignments', staffMemberId] as const,
  upcomingDutyGaps: ['staffing', 'upcomingDutyGaps'] as const,
  templateAdoption: (communityId: string, asOf: string) => ['staffing', 'templateAdoption', communityId, asOf] as const,
};
