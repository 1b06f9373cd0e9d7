import type { IDataObject } from 'n8n-workflow';

import {
	bodyOf,
	createOrderParameters,
	failureOf,
	requestsTo,
	runJunction,
	useJunctionFake,
} from '../writeSupport';

const holder = useJunctionFake();

async function scheduledOrder(activateBy: string): Promise<string> {
	const [item] = await runJunction(
		holder.fake,
		createOrderParameters({
			additionalFields: { activate_by: activateBy, passthrough: activateBy },
		}),
		{ inputItems: [{ schedule: activateBy, at: Math.random() }] },
	);
	return String((item.json.order as IDataObject).id);
}

const update = (orderId: string, parameters: IDataObject) => ({
	resource: 'order',
	operation: 'updateSchedule',
	orderId,
	...parameters,
});

describe('Order › Update Schedule', () => {
	it('moves the activation date of a scheduled order (PATCH with the date only)', async () => {
		const orderId = await scheduledOrder('2099-01-01');
		const [item] = await runJunction(
			holder.fake,
			update(orderId, { activation: 'date', activateBy: '2099-02-15T09:30:00' }),
		);
		const [request] = requestsTo(holder.fake, 'PATCH', `/v3/order/${orderId}`);
		expect(bodyOf(request)).toEqual({ activate_by: '2099-02-15' });
		expect(item.json).toMatchObject({
			order: { id: orderId, activate_by: '2099-02-15' },
			status: 'success',
		});
	});

	it('activates it now by sending null, and the order moves on', async () => {
		const orderId = await scheduledOrder('2099-01-02');
		const [item] = await runJunction(holder.fake, update(orderId, { activation: 'now' }));
		expect(bodyOf(requestsTo(holder.fake, 'PATCH', `/v3/order/${orderId}`)[0])).toEqual({
			activate_by: null,
		});
		expect(item.json).toMatchObject({
			order: { activate_by: null, last_event: { status: 'received.testkit.requisition_created' } },
		});
	});

	it('quotes Junction when the order cannot be rescheduled (created without a date)', async () => {
		const [created] = await runJunction(holder.fake, createOrderParameters(), {
			inputItems: [{ immediate: true }],
		});
		const orderId = String((created.json.order as IDataObject).id);
		const error = await failureOf(
			holder.fake,
			update(orderId, { activation: 'date', activateBy: '2099-02-15' }),
		);
		expect(error.message).toBe('Junction rejected the request (HTTP 400)');
		expect(error.description).toContain('cannot be modified');
	});

	it('stops on a date that is not one, before sending anything', async () => {
		const error = await failureOf(
			holder.fake,
			update('e1c380c1-7df4-487f-869e-f1be0193ca25', {
				activation: 'date',
				activateBy: 'next week',
			}),
		);
		expect(error.message).toBe('Activate By is not a date');
		expect(holder.fake.requests.filter((request) => request.method === 'PATCH')).toHaveLength(0);
	});
});
