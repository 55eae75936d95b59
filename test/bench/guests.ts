// 10,000 guests as the extension holds them: the sandbox's deterministic seed data, sent through
// JSON (as over the wire) and normalised by the client's own normalizeGuest.
import { normalizeGuest } from '../../src/api/guest';
import type { Guest } from '../../src/api/types';
import { createSeedData } from '../sandbox/seedData';

/** The sandbox always adds this many fixed guests to the generated ones. */
const FIXED_GUESTS = 6;

/** Raw guest JSON objects, `count` in all. */
export function rawGuests(count: number, seed = 1): unknown[] {
  return JSON.parse(JSON.stringify(createSeedData(seed, count - FIXED_GUESTS, 0).guests)) as unknown[];
}

export function normalizedGuests(count: number, seed = 1): Guest[] {
  return rawGuests(count, seed).map(normalizeGuest);
}
