import type { IDataObject } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { junctionSample } from '../../../../dev/fakes/junction/samples';
import { svixSigner } from '../../../../dev/fakes/junction/signer';
import { triggerHarness } from '../../../support/triggerHarness';

/**
 * After Resend Missed Events, Junction resends an order's latest event as a new Svix message: the copy
 * of an event the trigger already ran is a duplicate by its change (the event's id). Either memory
 * suffices on its own: this process's, or the webhook ledger in static data after a restart.
 */
const junction = triggerHarness('junction', { secret: svixSigner.secret('resend-copies') });

/** Static data in which a resend was asked for, and copies may arrive for another minute. */
function expectingCopies(staticData: IDataObject = {}): IDataObject {
	const node = (staticData['node:trigger'] ??= {}) as IDataObject;
	node.resendCopiesUntil = new Date(Date.now() + 60_000).toISOString();
	return staticData;
}

beforeEach(() => forgetProcessMemory());

describe('Junction Trigger: copies of events already run, after a resend', () => {
	test('this process recognises a copy even when the static data it loads holds no delivery', async () => {
		const payload = junctionSample('labtest.order.updated');
		const first = await junction.send(junction.post(payload, { messageId: 'msg_first' }), {
			staticData: {},
		});
		expect(first.response.body).toMatchObject({ status: 'accepted' });
		const copy = await junction.send(junction.post(payload, { messageId: 'msg_copy' }), {
			staticData: expectingCopies(),
		});
		expect(copy.response.body).toMatchObject({ status: 'duplicate' });
	});

	test('after a restart, the webhook ledger in static data recognises a copy', async () => {
		const payload = junctionSample('labtest.order.updated');
		const staticData: IDataObject = {};
		const first = await junction.send(junction.post(payload, { messageId: 'msg_first' }), {
			staticData,
		});
		expect(first.response.body).toMatchObject({ status: 'accepted' });
		forgetProcessMemory();
		const copy = await junction.send(junction.post(payload, { messageId: 'msg_copy' }), {
			staticData: expectingCopies(staticData),
		});
		expect(copy.response.body).toMatchObject({ status: 'duplicate' });
		// Another order's event is no copy.
		const other = junctionSample('labtest.order.updated', { orderId: 'another-order' });
		const fresh = await junction.send(junction.post(other, { messageId: 'msg_other' }), {
			staticData,
		});
		expect(fresh.response.body).toMatchObject({ status: 'accepted' });
	});
});
