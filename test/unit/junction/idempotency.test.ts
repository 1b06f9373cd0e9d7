import {
	canonicalJson,
	CLOCK_TOLERANCE_MS,
	isReplay,
	itemIdentity,
} from '../../../nodes/Junction/actions/idempotency';

describe('idempotency keys', () => {
	it('canonical JSON: the same values in any key order give the same text; undefined is left out', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
			canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }),
		);
		expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
	});

	it('an item is its event and payload, else its delivery, else itself', () => {
		const payload = { data: { id: 'o-1' } };
		expect(itemIdentity({ event: 'e', payload, deliveryId: 'msg_1', receivedAt: 'now' })).toEqual({
			event: 'e',
			payload,
		});
		expect(itemIdentity({ deliveryId: 'msg_1', receivedAt: 'now' })).toEqual({
			deliveryId: 'msg_1',
		});
		expect(itemIdentity({ row: 3 })).toEqual({ row: 3 });
	});

	it('a record created before the request was sent, beyond the clock tolerance, is a replay', () => {
		const sentAt = Date.parse('2026-08-20T10:00:00Z');
		const at = (ms: number) => new Date(sentAt + ms).toISOString();
		expect(isReplay(at(-CLOCK_TOLERANCE_MS - 1), sentAt)).toBe(true);
		expect(isReplay(at(-CLOCK_TOLERANCE_MS + 1), sentAt)).toBe(false);
		expect(isReplay(at(500), sentAt)).toBe(false);
		expect(isReplay(undefined, sentAt)).toBe(false);
	});
});
