import { hurdleDelivery, hurdleSample } from '../../../../dev/fakes/hurdle/samples';
import { HEADER, hurdleTriggerRig, SECRET } from '../triggerRig';

const { hurdle } = hurdleTriggerRig();

describe('invalid and malformed deliveries', () => {
	const badDispatch = () =>
		hurdle.sign(
			hurdleDelivery({ ...hurdleSample('order.dispatched'), dispatchedAt: 'last Tuesday' }),
		);

	it('emits a genuine event that fails validation, with its issues', async () => {
		const { items, json } = await hurdle.send(badDispatch());
		expect(items).toHaveLength(1);
		expect(json).toMatchObject({
			event: 'order.dispatched',
			validation: { valid: false, issues: [expect.objectContaining({ path: 'dispatchedAt' })] },
		});
		expect(JSON.stringify(json.validation)).not.toContain('last Tuesday');
	});

	it('answers 422 instead when set to reject', async () => {
		const { response, result } = await hurdle.send(badDispatch(), {
			parameters: { options: { onInvalidPayload: 'reject' } },
		});
		expect(response.status).toBe(422);
		expect(response.body?.message).toContain('dispatchedAt');
		expect(result.workflowData).toBeUndefined();
	});

	it.each([
		['malformed JSON', '{"eventType": "ORDER.CREATED",', 422],
		['an empty body', '', 400],
		['a JSON array', '[{"eventType":"ORDER.CREATED"}]', 422],
		['a JSON string', '"ORDER.CREATED"', 422],
		['an object without eventType', '{"version":"1","orderNumber":"HRD-1"}', 422],
	])('refuses %s with %i and no execution', async (_what, body, status) => {
		const { response, result } = await hurdle.send({
			method: 'POST',
			headers: { 'content-type': 'application/json', [HEADER]: SECRET },
			query: {},
			body,
		});
		expect(response.status).toBe(status);
		expect(result.workflowData).toBeUndefined();
	});
});
