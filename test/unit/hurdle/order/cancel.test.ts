import { hurdleUnderTest } from '../hurdleNode';

const hurdle = hurdleUnderTest();

/** An order in the fake with this status. */
function orderWithStatus(orderNumber: string, status: string) {
	hurdle.data.orders.push({ orderNumber, status, productCode: 'C1BLP10300', quantity: 1 });
	return orderNumber;
}
const cancel = (orderNumber: string) => ({ resource: 'order', operation: 'cancel', orderNumber });

describe('Hurdle Order › Cancel', () => {
	it('PATCHes the documented path without a body, and returns the cancelled order', async () => {
		const number = orderWithStatus('HRD-700001', 'CREATED');
		const [item] = await hurdle.run(cancel(` ${number} `));
		expect(hurdle.lines()).toEqual([`PATCH /orders/v3/${number}/cancel`]);
		expect(hurdle.fake.requests[0].body).toBe('');
		expect(item.json).toMatchObject({ orderNumber: number, status: 'CANCELLED' });
	});

	it('returns an order cancelled before as it is, saying so', async () => {
		const number = orderWithStatus('HRD-700002', 'CONFIRMED');
		await hurdle.run(cancel(number));
		const [again] = await hurdle.run(cancel(number));
		expect(hurdle.lines().slice(1)).toEqual([
			`PATCH /orders/v3/${number}/cancel`,
			`GET /orders/v3/${number}`,
		]);
		expect(again.json).toMatchObject({
			orderNumber: number,
			status: 'CANCELLED',
			alreadyCancelled: true,
			message: 'Not cancelled again: the order was already cancelled',
		});
	});

	it("passes Hurdle's refusal of a dispatched order on", async () => {
		const number = orderWithStatus('HRD-700003', 'DISPATCHED');
		const error = (await hurdle.run(cancel(number)).catch((caught: Error) => caught)) as Error & {
			description?: string;
		};
		expect(error.message).toBe('Hurdle rejected the request (HTTP 400)');
		expect(error.description).toContain('An order that is DISPATCHED can no longer be cancelled');
		expect(hurdle.data.orders.find((order) => order.orderNumber === number)?.status).toBe(
			'DISPATCHED',
		);
	});

	it('explains an unknown order as a 404', async () => {
		await expect(hurdle.run(cancel('HRD-000404'))).rejects.toThrow('Hurdle has no such resource');
	});
});
