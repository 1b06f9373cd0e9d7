import { resendOrderEvents } from '../../../../nodes/Junction/transport';
import { executeContext } from '../../../support/contexts';
import { JUNCTION_FAKE_KEY, JUNCTION_FAKE_ORDERS } from '../../../../dev/fakes/junction/api';
import { bodyOf, failureOf, ids, requestsTo, runJunction, useJunctionFake } from '../writeSupport';

const holder = useJunctionFake();
const posts = () => requestsTo(holder.fake, 'POST', '/v3/order/resend_events');

describe('Order › Resend Events', () => {
	it('resends the events of the orders given', async () => {
		const [item] = await runJunction(holder.fake, {
			resource: 'order',
			operation: 'resendEvents',
			resendBy: 'orders',
			orderIds: `${ids.orderId}, ${JUNCTION_FAKE_ORDERS.pending}`,
		});
		expect(bodyOf(posts()[0])).toEqual({ order_ids: [ids.orderId, JUNCTION_FAKE_ORDERS.pending] });
		expect(item.json).toEqual({ resent: 2, orderIds: [ids.orderId, JUNCTION_FAKE_ORDERS.pending] });
	});

	it('resends a time window as ISO date-times', async () => {
		const [item] = await runJunction(holder.fake, {
			resource: 'order',
			operation: 'resendEvents',
			resendBy: 'window',
			startAt: '2026-08-01T00:00:00Z',
			endAt: '2026-08-20T00:00:00Z',
		});
		expect(bodyOf(posts()[0])).toEqual({
			start_at: '2026-08-01T00:00:00.000Z',
			end_at: '2026-08-20T00:00:00.000Z',
		});
		expect(item.json.orderIds).toContain(ids.orderId);
		expect(holder.fake.writes.resent.at(-1)).toEqual(item.json.orderIds);
	});

	it('refuses a window over 60 days, or no orders and no start, before sending', async () => {
		const tooLong = await failureOf(holder.fake, {
			resource: 'order',
			operation: 'resendEvents',
			resendBy: 'window',
			startAt: '2026-01-01T00:00:00Z',
			endAt: '2026-03-15T00:00:00Z',
		});
		expect(tooLong.message).toBe('The window is longer than 60 days');
		const nothing = await failureOf(holder.fake, {
			resource: 'order',
			operation: 'resendEvents',
			resendBy: 'orders',
			orderIds: ' , ',
		});
		expect(nothing.message).toBe('Give order IDs or a start time');
		expect(posts()).toHaveLength(0);
	});

	it('is the same request a trigger makes through resendOrderEvents', async () => {
		const context = executeContext({
			parameters: {},
			credentials: {
				junctionApi: { apiKey: JUNCTION_FAKE_KEY, environment: 'custom', baseUrl: holder.fake.url },
			},
		});
		const startAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
		const resent = await resendOrderEvents(context, { startAt });
		expect(bodyOf(posts()[0])).toEqual({ start_at: startAt });
		expect(resent).toEqual(holder.fake.writes.resent.at(-1));
	});
});
