import { graphql } from '../gql';

/**
 * The tree: the district with its offices, communities and their grids, with
 * counts. Nested lists are pages of at most 100: a district has a few dozen
 * communities, a community fewer than 100 grids. One district (the one the
 * dashboard serves) keeps the query's cost (about 10,300 records) within every
 * role's budget; a default page of districts would multiply it by 100.
 */
export const STRUCTURE_TREE_QUERY = graphql(`
  query StructureTree($asOf: LocalDate) {
    districts(asOf: $asOf, options: { take: 1 }) {
      items {
        id
        name
        nameEn
        offices(options: { take: 100, sort: [{ field: name }] }) {
          items {
            id
            name
            nameEn
          }
        }
        communities(options: { take: 100, sort: [{ field: code }] }) {
          items {
            asOf
            id
            code
            name
            nameEn
            officeId
            householdCount
            residentCount
            grids(options: { take: 100, sort: [{ field: code }] }) {
              items {
                id
                code
                name
                householdCount
                residentCount
              }
            }
          }
        }
      }
    }
  }
`);
