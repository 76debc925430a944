/**
 * People scripts/e2e-fixtures.ts adds for the users journeys, with the demo password. Each journey that
 * deactivates, deletes or changes someone has a person of its own; `clientToken` gives them an active
 * API client whose token is the fixture token with the same key.
 */
export const journeyUsers = {
  deactivation: { firstName: 'Dana', lastName: 'Deactivate', email: 'dana.deactivate@education.gov.uk', apiUser: true, clientToken: true },
  deletion: { firstName: 'Della', lastName: 'Delete', email: 'della.delete@education.gov.uk', apiUser: true, clientToken: true },
  'access-change': { firstName: 'Flynn', lastName: 'Flag', email: 'flynn.flag@education.gov.uk', apiUser: false, clientToken: false },
  'walk-target': { firstName: 'Walter', lastName: 'Target', email: 'walter.target@education.gov.uk', apiUser: true, clientToken: false },
  'no-javascript': { firstName: 'Nora', lastName: 'Noscript', email: 'nora.noscript@education.gov.uk', apiUser: true, clientToken: true },
  // Signing out ends every session of the person (docs/decisions/0013), so journeys that sign out have people of their own.
  'sign-out': { firstName: 'Simon', lastName: 'Signout', email: 'simon.signout@education.gov.uk', apiUser: false, clientToken: false },
  'sign-out-everywhere': { firstName: 'Evie', lastName: 'Everywhere', email: 'evie.everywhere@education.gov.uk', apiUser: true, clientToken: false },
  'sign-out-no-javascript': { firstName: 'Owen', lastName: 'Offline', email: 'owen.offline@education.gov.uk', apiUser: false, clientToken: false },
  'sign-out-everywhere-no-javascript': {
    firstName: 'Nell',
    lastName: 'Nowhere',
    email: 'nell.nowhere@education.gov.uk',
    apiUser: true,
    clientToken: false,
  },
  // The fuzz journey (e2e/fuzz.spec.ts) posts thousands of answers to Change user details for this person.
  fuzz: { firstName: 'Fuzz', lastName: 'Target', email: 'fuzz.target@education.gov.uk', apiUser: true, clientToken: false },
} as const

export type JourneyUserKey = keyof typeof journeyUsers
