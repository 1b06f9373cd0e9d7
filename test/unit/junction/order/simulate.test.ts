import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { executeContext } from '../../../support/contexts';
import { junctionActionRig } from '../actionRig';

const { node, fake, credentials, requestsTo, operation } = junctionActionRig();
const simulate = operation('order', 'simulate');

describe('Order › Simulate', () => {
	it('simulates a sandbox order with its options', async () => {
		const simulation = {
			finalStatus: 'completed.testkit.completed',
			delay: 2,
			interpretation: 'critical',
			result_types: ['numeric', 'range'],
			has_missing_results: false,
		};
		const { items } = await simulate({ orderId: JUNCTION_SAMPLE_IDS.orderId, simulation });
		expect(items[0].json).toMatchObject({
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			simulated: true,
			response: { success: true },
		});
		const [request] = requestsTo(`/v3/order/${JUNCTION_SAMPLE_IDS.orderId}/test`);
		expect(request.query).toEqual({ final_status: 'completed.testkit.completed', delay: '2' });
		expect(JSON.parse(request.body)).toEqual({
			interpretation: 'critical',
			result_types: ['numeric', 'range'],
			has_missing_results: false,
		});
	});

	it('simulates without a body when no flags are set', async () => {
		await simulate({ orderId: JUNCTION_SAMPLE_IDS.orderId, simulation: {} });
		const [request] = requestsTo(`/v3/order/${JUNCTION_SAMPLE_IDS.orderId}/test`);
		expect(request.query).toEqual({});
		expect(request.body).toBe('');
	});

	it.each([
		[{ environment: 'production', region: 'us', domain: 'junction' }],
		[{ environment: 'auto', region: 'auto', domain: 'legacy', apiKey: 'pk_eu_live' }],
		[{ environment: 'custom', apiKey: 'pk_us_live' }],
	])('refuses to simulate on production (%o) and sends nothing', async (credentialOverrides) => {
		const parameters = {
			resource: 'order',
			operation: 'simulate',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			simulation: {},
		};
		const context = executeContext({ parameters, credentials: credentials(credentialOverrides) });
		await expect(node.execute.call(context)).rejects.toThrow(
			'Simulate only works in the Junction sandbox',
		);
		expect(context.helpers.httpRequestWithAuthentication).not.toHaveBeenCalled();
		expect(fake.requests).toHaveLength(0);
	});
});
