// Guests for the model tests. `makeGuest` fills every field so a test states only what it is about.
import type { Guest, GuestFields } from '../../../src/api/types';
import fc from 'fast-check';

export function makeGuest(overrides: Partial<Guest> = {}): Guest {
  return {
    id: '1',
    email: 'jane@example.com',
    status: 'active',
    first_name: 'Jane',
    last_name: 'Doe',
    phone_1: null,
    phone_2: null,
    company_name: null,
    timezone: null,
    associated_members: null,
    created_at: '2024-01-02 03:04:05',
    updated_at: null,
    last_accessed_at: null,
    disabled_at: null,
    link: null,
    ...overrides,
  };
}

export function emptyFields(overrides: Partial<GuestFields> = {}): GuestFields {
  return {
    first_name: null,
    last_name: null,
    phone_1: null,
    phone_2: null,
    company_name: null,
    timezone: null,
    associated_members: null,
    ...overrides,
  };
}

/** Strings that are often empty-looking, so the "null, '' and blanks are one value" rule is exercised. */
const fieldText = fc.oneof(
  fc.constant(null),
  fc.constantFrom('', ' ', '\t', 'Ann', ' Ann ', 'Bob'),
  fc.string({ maxLength: 12 }),
);
const memberIds = fc.oneof(
  fc.constant(null),
  fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 6 }),
);

export const arbitraryFields: fc.Arbitrary<GuestFields> = fc.record({
  first_name: fieldText,
  last_name: fieldText,
  phone_1: fieldText,
  phone_2: fieldText,
  company_name: fieldText,
  timezone: fieldText,
  associated_members: memberIds,
});

/** Anything JSON could hold where a string or list is expected. */
const jsonJunk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string(),
  fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }),
);

/** Guests as a careless server might send them: every field may be of the wrong type. */
export const arbitraryMalformedGuest: fc.Arbitrary<Guest> = fc
  .record({
    id: jsonJunk, email: jsonJunk, status: jsonJunk, first_name: jsonJunk, last_name: jsonJunk,
    phone_1: jsonJunk, phone_2: jsonJunk, company_name: jsonJunk, timezone: jsonJunk,
    associated_members: jsonJunk, created_at: jsonJunk, updated_at: jsonJunk,
    last_accessed_at: jsonJunk, disabled_at: jsonJunk, link: jsonJunk, stats: jsonJunk,
  }, { requiredKeys: [] })
  .map((record) => record as unknown as Guest);
