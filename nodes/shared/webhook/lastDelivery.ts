import { EXPIRY_UNIT_SECONDS, deliveryFingerprint, expiryOf, isLedger } from '../trigger/ledger';

/**
 * When a trigger last ran a delivery, kept in its own ledger as one record that never expires in
 * practice: its expiry is that moment plus ten years, and a merge keeps the later expiry of a key, so
 * every process's saves converge on the latest delivery. It outlives the deliveries' own records (their
 * Duplicate Window), which a downtime longer than that would leave no trace of.
 */
export const LAST_DELIVERY_KEY = deliveryFingerprint(['last-delivery']);
const OFFSET_SECONDS = 10 * 365 * 86_400;

export function lastDeliveryExpiry(nowSeconds: number): number {
	return nowSeconds + OFFSET_SECONDS;
}

/**
 * When the trigger last ran a delivery (epoch ms), as its ledger says, at most a minute early (the
 * ledger rounds expiries up to the minute); undefined if it never did.
 */
export function lastDeliveryIn(ledger: unknown): number | undefined {
	if (!isLedger(ledger)) return undefined;
	const expiry = expiryOf(ledger, LAST_DELIVERY_KEY, 0);
	return expiry === undefined ? undefined : (expiry - OFFSET_SECONDS - EXPIRY_UNIT_SECONDS) * 1000;
}
