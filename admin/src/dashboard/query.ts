import { graphql } from '../gql';

/** Home: the district's figures and residents per community. */
export const HOME_QUERY = graphql(`
  query HomeFigures {
    districts(options: { take: 1 }) {
      items {
        communityCount
        gridCount
        householdCount
        residentCount
      }
    }
    staffMembers(options: { take: 1, filter: { active: { eq: true } } }) {
      totalItems
    }
    communities {
      items {
        id
        name
        nameEn
        residentCount
      }
    }
  }
`);
