import {
	bodyOf,
	byId,
	failureOf,
	fromList,
	ids,
	requestsTo,
	runJunction,
	shippingGroup,
	useJunctionFake,
} from '../writeSupport';

const holder = useJunctionFake();

describe('Order › Create Registrable Test Kit', () => {
	it('orders a kit that waits for registration, without an idempotency key (Junction takes none here)', async () => {
		const [item] = await runJunction(holder.fake, {
			resource: 'order',
			operation: 'createTestKit',
			user: byId(ids.userId),
			labTest: fromList(ids.labTestId),
			shippingAddress: shippingGroup,
			additionalFields: { passthrough: 'stock-batch-7' },
		});
		const [request] = requestsTo(holder.fake, 'POST', '/v3/order/testkit');
		expect(bodyOf(request)).toEqual({
			user_id: ids.userId,
			lab_test_id: ids.labTestId,
			shipping_details: shippingGroup.values,
			passthrough: 'stock-batch-7',
		});
		expect(request.headers['x-idempotency-key']).toBeUndefined();
		expect(item.json).toMatchObject({
			order: {
				last_event: { status: 'received.testkit.awaiting_registration' },
				passthrough: 'stock-batch-7',
			},
		});
		expect((item.json.order as { sample_id: string }).sample_id).toMatch(/^SMP-/);
	});

	it('needs every shipping field the spec requires', async () => {
		const error = await failureOf(holder.fake, {
			resource: 'order',
			operation: 'createTestKit',
			user: byId(ids.userId),
			labTest: byId(ids.labTestId),
			shippingAddress: { values: { ...shippingGroup.values, phone_number: '', receiver_name: '' } },
			additionalFields: {},
		});
		expect(error.message).toBe('Shipping Address: Receiver Name, Phone Number are empty');
		expect(requestsTo(holder.fake, 'POST', '/v3/order/testkit')).toHaveLength(0);
	});
});
