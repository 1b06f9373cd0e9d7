import type { OutgoingWebhook, WebhookOutbox } from '../catchUp/webhookOutbox';
import { sharedSecretSigner } from '../sharedSecret';
import { jsonDelivery } from '../types';
import type { HurdleFakeData } from './api';

/**
 * Hurdle's side of a downtime story: orders are created and dispatched, each move changes what
 * GET /orders/v3 serves and sends Hurdle's webhook through the outbox (Hurdle's retry schedule,
 * compressed: it gives up after about 30 s).
 */
export class HurdleStatusTimeline {
	private serial = 0;

	constructor(
		private readonly data: HurdleFakeData,
		private readonly outbox: WebhookOutbox,
		private readonly secret: string,
	) {}

	createOrder(): string {
		const orderNumber = `HRD-CU${String(++this.serial).padStart(5, '0')}`;
		const order = {
			orderNumber,
			status: 'CREATED',
			productCode: 'C1BLP10300',
			quantity: 1,
			createdAt: new Date().toISOString(),
			delivery: {
				firstName: 'Testy',
				lastName: 'McTestface',
				email: 'testy@example.com',
				mobileNumber: '447700900000',
				address: {
					addressLine1: '1 Example Road',
					city: 'London',
					postcode: 'SE18 7DW',
					countryCode: 'GB',
				},
			},
			kits: [],
		};
		this.data.orders.push(order);
		this.send({
			eventType: 'ORDER.CREATED',
			version: '1',
			orderNumber,
			productCode: order.productCode,
			email: order.delivery.email,
		});
		return orderNumber;
	}

	dispatch(orderNumber: string): void {
		const order = this.data.orders.find((each) => each.orderNumber === orderNumber);
		if (!order) throw new Error(`The fake Hurdle has no order ${orderNumber}`);
		const kits = [{ kitId: `KCU${String(++this.serial).padStart(5, '0')}` }];
		Object.assign(order, { status: 'DISPATCHED', kits, dispatchedAt: new Date().toISOString() });
		this.send({
			eventType: 'ORDER.DISPATCHED',
			version: '1',
			orderNumber,
			productCode: order.productCode,
			kits,
			dispatchedAt: order.dispatchedAt,
		});
	}

	private send(payload: Record<string, unknown>): void {
		const delivery = jsonDelivery(payload);
		const webhook: OutgoingWebhook = {
			label: `${String(payload.eventType)} ${String(payload.orderNumber)}`,
			build: () => sharedSecretSigner.sign(delivery, { secret: this.secret }),
		};
		this.outbox.send(webhook);
	}
}
