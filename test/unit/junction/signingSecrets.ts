import { junctionTest } from '../../../dev/fakes/junction';

/** Secrets built at runtime: 24 bytes each, base64 behind whsec_, like the dashboard shows them. */
export const SIGNING_SECRET = junctionTest.signer.secret('junction-unit-secret-no1');
export const NEXT_SIGNING_SECRET = junctionTest.signer.secret('junction-unit-secret-no2');
