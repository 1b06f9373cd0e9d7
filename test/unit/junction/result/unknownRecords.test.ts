import { JUNCTION_FAKE_ORDERS } from '../../../../dev/fakes/junction/api';
import { junctionActionRig } from '../actionRig';

const { run, requestsTo } = junctionActionRig();

describe('an order or transaction that does not exist', () => {
	const unknownOrder = 'a0000000-0000-4000-8000-00000000dead';
	const unknownTransaction = 'a1000000-0000-4000-8000-00000000dead';

	it.each([
		['result', 'get', { orderId: unknownOrder, output: 'summary' }, 'order'],
		['result', 'getPdf', { orderId: unknownOrder, binaryPropertyName: 'data' }, 'order'],
		[
			'result',
			'getTransactionResults',
			{ orderTransactionId: unknownTransaction, output: 'summary' },
			'order transaction',
		],
		[
			'result',
			'getTransactionPdf',
			{ orderTransactionId: unknownTransaction, binaryPropertyName: 'data' },
			'order transaction',
		],
	])(
		'%s › %s is an error naming the item, not {ready: false}',
		async (resource, operation, parameters, what) => {
			const pending = {
				resource: 'result',
				operation: 'get',
				orderId: JUNCTION_FAKE_ORDERS.pending,
				output: 'summary',
			};
			const error = await run([pending, { resource, operation, ...parameters }]).catch(
				(caught: Error) => caught,
			);
			expect(error).toMatchObject({
				message: `Junction has no ${what} with this ID`,
				httpCode: '404',
				context: { itemIndex: 1 },
			});
		},
	);

	it('with Continue On Fail, gives {error} for the unknown order and {ready: false} for the pending one', async () => {
		const { items } = await run(
			[
				{
					resource: 'result',
					operation: 'get',
					orderId: JUNCTION_FAKE_ORDERS.pending,
					output: 'summary',
				},
				{ resource: 'result', operation: 'get', orderId: unknownOrder, output: 'summary' },
				{
					resource: 'result',
					operation: 'getPdf',
					orderId: JUNCTION_FAKE_ORDERS.pending,
					binaryPropertyName: 'data',
				},
				{
					resource: 'result',
					operation: 'getPdf',
					orderId: unknownOrder,
					binaryPropertyName: 'data',
				},
			],
			{ continueOnFail: true },
		);
		expect(items).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ orderId: JUNCTION_FAKE_ORDERS.pending, ready: false }),
				pairedItem: { item: 0 },
			}),
			{ json: { error: 'Junction has no order with this ID' }, pairedItem: { item: 1 } },
			expect.objectContaining({
				json: expect.objectContaining({ orderId: JUNCTION_FAKE_ORDERS.pending, ready: false }),
				pairedItem: { item: 2 },
			}),
			{ json: { error: 'Junction has no order with this ID' }, pairedItem: { item: 3 } },
		]);
		// Told apart by reading the order itself after the 404.
		expect(requestsTo(`/v3/order/${unknownOrder}`)).toHaveLength(2);
		expect(requestsTo(`/v3/order/${JUNCTION_FAKE_ORDERS.pending}`)).toHaveLength(2);
	});
});
