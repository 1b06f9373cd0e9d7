import { caseF } from './nesting';
import { caseG, caseH } from './outages';
import { caseA, caseB, caseC } from './roundTrips';
import { caseD, caseE } from './sameMoment';
import type { RigCase } from './rig';

export type { Check, Rig, RigCase } from './rig';

/**
 * The cases of `npm run test:scale`, in the order they run: each returns one or more checks (see
 * rig.ts). a–c redeliveries (roundTrips.ts), d–e copies at the same moment (sameMoment.ts), f a
 * deeply nested body (nesting.ts), g Redis stopped and h a worker killed (outages.ts).
 */
export const CASES: RigCase[] = [caseF, caseA, caseB, caseC, caseD, caseE, caseG, caseH];
