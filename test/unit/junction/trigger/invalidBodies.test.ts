import type { IDataObject } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { junctionOrder, junctionSample } from '../../../../dev/fakes/junction/samples';
import { onlyItem, triggerRig } from '../../../support/triggerHarness';
import { SIGNING_SECRET, signedRequest } from '../signing';

const { harness: junction } = triggerRig('junction', { secret: SIGNING_SECRET });

describe('Junction Trigger: bodies it cannot use', () => {
	it.each([
		['an empty body', '', 400],
		['a body that is not JSON', '{"event_type":', 422],
		['a JSON array', '[1,2]', 422],
		['a JSON string', '"labtest.order.updated"', 422],
		['an object naming no event', '{"hello":"world"}', 422],
	])('answers %s with %s and starts nothing', async (_name, body, status) => {
		const run = await junction.send(signedRequest(body));
		expect(run.response.status).toBe(status);
		expect(run.result.workflowData).toBeUndefined();
	});

	it('emits an event type it does not know, under All Events, as "other" with its name and payload', async () => {
		const unknown = signedRequest({
			event_type: 'labtest.brand_new.event',
			data: { id: 'new-1', status: 'whatever' },
		});
		expect(onlyItem(await junction.send(unknown))).toMatchObject({
			event: 'other',
			eventName: 'labtest.brand_new.event',
			payload: { event_type: 'labtest.brand_new.event', data: { id: 'new-1' } },
		});
		forgetProcessMemory();
		expect(
			onlyItem(await junction.send(unknown, { parameters: { events: ['other'] } })),
		).toMatchObject({ event: 'other' });
	});

	it('emits Svix notices, which name themselves in "type", as "other"', async () => {
		const exhausted = signedRequest({
			type: 'message.attempt.exhausted',
			data: { appId: 'app_1', endpointId: 'ep_1', msgId: 'msg_1', lastAttempt: {} },
		});
		expect(onlyItem(await junction.send(exhausted))).toMatchObject({
			event: 'other',
			eventName: 'message.attempt.exhausted',
		});
	});

	it('drops an unknown event type the selection leaves out with 200, and one warning naming the type, not the payload', async () => {
		const { response, items, warnings } = await junction.send(
			signedRequest({
				event_type: 'labtest.brand_new.event',
				data: { id: 'new-1', patient_note: 'secret-value' },
			}),
			{ parameters: { events: ['labtest.order.updated'] } },
		);
		expect(response).toMatchObject({ status: 200, body: { status: 'ignored' } });
		expect(items).toHaveLength(0);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('"labtest.brand_new.event"');
		expect(warnings[0]).not.toContain('secret-value');
	});

	it('emits a genuine event that fails validation with its issues, or rejects it on request', async () => {
		const payload = junctionSample('labtest.order.updated') as IDataObject;
		delete (payload.data as IDataObject).id;
		const emitted = onlyItem(await junction.send(signedRequest(payload)));
		expect(emitted).toMatchObject({ event: 'labtest.order.updated', validation: { valid: false } });
		expect(emitted.validation).toMatchObject({
			issues: [{ path: 'data.id', message: 'Required' }],
		});

		const rejected = await junction.send(signedRequest(payload), {
			parameters: { options: { onInvalidPayload: 'reject' } },
		});
		expect(rejected.response.status).toBe(422);
		expect(rejected.result.workflowData).toBeUndefined();
	});

	it('reports an order without any status as an issue, without echoing values', async () => {
		const order = junctionOrder({ status: 'completed' });
		delete order.last_event;
		order.events = [];
		delete order.status;
		const item = onlyItem(
			await junction.send(signedRequest({ event_type: 'labtest.order.updated', data: order })),
		);
		expect(item.validation).toMatchObject({
			valid: false,
			issues: [{ path: 'data.last_event', code: 'custom' }],
		});
	});
});
