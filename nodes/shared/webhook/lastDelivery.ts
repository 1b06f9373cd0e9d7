import { deliveryFingerprint, isLedger } from '../trigger/ledger';

/**
 * When a trigger last ran a delivery, kept in its own ledger as one record that never expires in
 * practice: its expiry is that moment plus ten years, and a merge keeps the later expiry of a key, so
 * every process's saves converge on the latest delivery. It outlives the deliveries' own records (their
 * Duplicate Window), which a downtime longer than that would leave no trace of.
 */
export const LAST_DELIVERY_KEY = deliveryFingerprint(['last-delivery']);
const OFFSET_SECONDS = 10 * 365 * 86_400;
const RECORD_WIDTH = 29;
const KEY_WIDTH = 22;

export function lastDeliveryExpiry(nowSeconds: number): number {
	return nowSeconds + OFFSET_SECONDS;
}

/** When the trigger last ran a delivery (epoch ms), as its ledger says; undefined if it never did. */
export function lastDeliveryIn(ledger: unknown): number | undefined {
	if (!isLedger(ledger)) return undefined;
	for (let offset = 0; offset < ledger.length; offset += RECORD_WIDTH) {
		if (ledger.slice(offset, offset + KEY_WIDTH) !== LAST_DELIVERY_KEY) continue;
		const expiry = parseInt(ledger.slice(offset + KEY_WIDTH, offset + RECORD_WIDTH), 36);
		return (expiry - OFFSET_SECONDS) * 1000;
	}
	return undefined;
}
