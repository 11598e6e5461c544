import type { Request } from '../dataProvider/api';
import { graphql } from '../gql';
import type { AddReorganizationStepInput, UpdateReorganizationStepInput } from '../gql/graphql';

/** The plan page's reads and writes beyond the plan record: typed operations generated from the schema (`npm run codegen`). */

export const OUTCOME_FIELDS = graphql(`
  fragment OutcomeFields on ReorganizationOutcome {
    dryRun
    ok
    correlationId
    day
    changeCount
    problems
    plan {
      id
      version
      name
      description
      effectiveOn
      status
      stepCount
      authorName
      appliedAt
      revertedOn
    }
    steps {
      stepId
      position
      kind
      ok
      changeCount
      error {
        code
        message
        reason
        fields
      }
    }
    impact {
      units {
        level
        id
        code
        name
        before {
          grids
          households
          residents
          members
        }
        after {
          grids
          households
          residents
          members
        }
      }
      posts {
        postId
        communityId
        communityCode
        label
        emptySlots
      }
      understaffedGrids {
        level
        id
        code
        name
        after {
          members
        }
      }
      staffWithoutAssignment {
        staffMemberId
        name
      }
      reachChanges {
        accountId
        username
        gains
        losses
      }
    }
  }
`);

const APPLY = graphql(`
  mutation ApplyReorganizationPlan($id: ID!, $dryRun: Boolean!) {
    outcome: applyReorganizationPlan(id: $id, dryRun: $dryRun) {
      ...OutcomeFields
    }
  }
`);
const REVERT = graphql(`
  mutation RevertReorganizationPlan($id: ID!, $revertOn: LocalDate, $dryRun: Boolean!) {
    outcome: revertReorganizationPlan(id: $id, revertOn: $revertOn, dryRun: $dryRun) {
      ...OutcomeFields
    }
  }
`);

const ADD_STEP = graphql(`
  mutation AddReorganizationStep($input: AddReorganizationStepInput!) {
    addReorganizationStep(input: $input) {
      id
    }
  }
`);
const UPDATE_STEP = graphql(`
  mutation UpdateReorganizationStep($input: UpdateReorganizationStepInput!) {
    updateReorganizationStep(input: $input) {
      id
    }
  }
`);
const MOVE_STEP = graphql(`
  mutation MoveReorganizationStep($id: ID!, $position: Int!) {
    moveReorganizationStep(id: $id, position: $position) {
      id
    }
  }
`);
const REMOVE_STEP = graphql(`
  mutation RemoveReorganizationStep($id: ID!) {
    removeReorganizationStep(id: $id) {
      id
    }
  }
`);

/** Names for the posts, holdings and grid assignments steps refer to (ended ones too: a plan may end them). */
const STEP_LABELS = graphql(`
  query StepLabels($posts: [ID!], $holders: [ID!], $assignments: [ID!]) {
    posts(options: { take: 100, filter: { ids: $posts } }) {
      items {
        ...PostFields
        community {
          id
          code
        }
      }
    }
    postHolders(options: { take: 100, filter: { ids: $holders, includeEnded: true } }) {
      items {
        ...HolderFields
        post {
          ...PostFields
          community {
            id
            code
          }
        }
      }
    }
    gridAssignments(options: { take: 100, filter: { ids: $assignments, includeEnded: true } }) {
      items {
        id
        staffMember {
          id
          name
        }
        grid {
          id
          code
          name
        }
      }
    }
  }
`);

/** TRANSFER_STAFF: the posts of a community, to pick the one held from the plan's day. */
const POST_CHOICES = graphql(`
  query StepPostChoices($communityId: ID!) {
    posts(options: { take: 100, filter: { communityId: { eq: $communityId } } }) {
      items {
        ...PostFields
      }
    }
  }
`);

/** END_ASSIGNMENT: a person's holdings and grid assignments on the plan's day. */
const ASSIGNMENT_CHOICES = graphql(`
  query StepAssignmentChoices($id: ID!, $asOf: LocalDate) {
    postHolders(asOf: $asOf, options: { take: 50, filter: { staffMemberId: { eq: $id } } }) {
      items {
        ...HolderFields
        post {
          ...PostFields
          community {
            id
            code
          }
        }
      }
    }
    gridAssignments(asOf: $asOf, options: { take: 20, filter: { staffMemberId: { eq: $id } } }) {
      items {
        id
        grid {
          id
          code
          name
        }
      }
    }
  }
`);

const PLANNED_DAYS = graphql(`
  query PlannedDays {
    plannedDays {
      planId
      name
      effectiveOn
    }
  }
`);

export function reorganizationMethods(request: Request) {
  return {
    applyReorganizationPlan: async (id: string, dryRun: boolean) => (await request(APPLY, { id, dryRun })).outcome,
    revertReorganizationPlan: async (id: string, revertOn: string | null, dryRun: boolean) =>
      (await request(REVERT, { id, revertOn, dryRun })).outcome,
    addReorganizationStep: (input: AddReorganizationStepInput) => request(ADD_STEP, { input }),
    updateReorganizationStep: (input: UpdateReorganizationStepInput) => request(UPDATE_STEP, { input }),
    moveReorganizationStep: (id: string, position: number) => request(MOVE_STEP, { id, position }),
    removeReorganizationStep: (id: string) => request(REMOVE_STEP, { id }),
    stepLabels: (ids: { posts: string[]; holders: string[]; assignments: string[] }) => request(STEP_LABELS, ids),
    stepPostChoices: async (communityId: string) => (await request(POST_CHOICES, { communityId })).posts.items,
    stepAssignmentChoices: (staffMemberId: string, asOf: string) => request(ASSIGNMENT_CHOICES, { id: staffMemberId, asOf }),
    plannedDays: async () => (await request(PLANNED_DAYS)).plannedDays,
  };
}

/** react-query keys of these reads (a plan's writes refresh the page, which reads everything again). */
export const reorganizationKeys = {
  stepLabels: (ids: { posts: string[]; holders: string[]; assignments: string[] }) => ['reorganization', 'stepLabels', ids] as const,
  stepPostChoices: (communityId: string | null) => ['reorganization', 'stepPostChoices', communityId] as const,
  stepAssignmentChoices: (staffMemberId: string | null | undefined, asOf: string) =>
    ['reorganization', 'stepAssignmentChoices', staffMemberId, asOf] as const,
  plannedDays: ['plannedDays'] as const,
};
