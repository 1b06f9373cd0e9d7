import { itemIdentity } from '../../../nodes/shared/actions/createOnce';
import {
	CLOCK_TOLERANCE_MS,
	createdAtOf,
	idempotencyKeyFor,
	isReplay,
} from '../../../nodes/Junction/actions/idempotency';
import { executeContext } from '../../support/contexts';
import { canonicalJson } from '../../../nodes/shared/values';

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

	it('an empty or non-text id does not name an item: the next rule does', () => {
		const payload = { data: { id: 'o-1' } };
		expect(itemIdentity({ changeId: '', event: 'e', payload })).toEqual({ event: 'e', payload });
		expect(itemIdentity({ changeId: 7, event: 'e', payload })).toEqual({ event: 'e', payload });
		expect(itemIdentity({ event: 7, payload, deliveryId: 'msg_1' })).toEqual({
			deliveryId: 'msg_1',
		});
		expect(itemIdentity({ deliveryId: '', row: 3 })).toEqual({ deliveryId: '', row: 3 });
	});

	it('a record created before the request was sent, beyond the clock tolerance, is a replay', () => {
		const sentAt = Date.parse('2026-08-20T10:00:00Z');
		const at = (ms: number) => new Date(sentAt + ms).toISOString();
		expect(isReplay(at(-CLOCK_TOLERANCE_MS - 1), sentAt)).toBe(true);
		expect(isReplay(at(-CLOCK_TOLERANCE_MS + 1), sentAt)).toBe(false);
		// Exactly at the tolerance: within it, as two concurrent runs may be.
		expect(isReplay(at(-CLOCK_TOLERANCE_MS), sentAt)).toBe(false);
		expect(isReplay(at(500), sentAt)).toBe(false);
		expect(isReplay(undefined, sentAt)).toBe(false);
	});

	it('takes the Idempotency Key option without its surrounding spaces; only spaces derive one', () => {
		const keyFor = (idempotencyKey: string) => {
			const context = executeContext({
				parameters: { options: { idempotencyKey } },
				credentials: {},
			});
			(context.getInputData as jest.Mock).mockReturnValue([{ json: { row: 1 } }]);
			(context.getWorkflow as jest.Mock).mockReturnValue({ id: 'wf', name: 'wf', active: true });
			return idempotencyKeyFor(context, 0, 'order.create', { lab_test_id: 't-1' });
		};
		expect(keyFor('  retest-42 ')).toEqual({ key: 'retest-42', source: 'option' });
		expect(keyFor('   ')).toEqual({
			key: expect.stringMatching(/^n8n-[0-9a-f]{32}$/),
			source: 'derived',
		});
		expect(keyFor('   ')).toEqual(keyFor(''));
	});

	it("reads when Junction created a record: an order's, an appointment's first event, or its own", () => {
		expect(createdAtOf({ order: { created_at: 'o' }, created_at: 'x' })).toBe('o');
		expect(createdAtOf({ events: [{ created_at: 'e1' }, { created_at: 'e2' }] })).toBe('e1');
		expect(createdAtOf({ events: [] })).toBeUndefined();
		expect(createdAtOf({ created_at: 'x' })).toBe('x');
	});
});
