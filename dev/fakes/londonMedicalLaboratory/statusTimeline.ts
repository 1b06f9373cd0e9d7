import { randomUUID } from 'node:crypto';

import type { OutgoingWebhook, WebhookOutbox } from '../catchUp/webhookOutbox';
import { sharedSecretSigner } from '../sharedSecret';
import { jsonDelivery } from '../types';
import type { LmlFakeData } from './api';

/**
 * LML's side of a downtime story: test registrations and orders move through their milestones, each
 * move changes what the fake's lists serve and sends LML's webhook for it through the outbox (LML's
 * retry schedule, compressed). LML does not send `order.delivered` for every order: `deliver` can
 * leave it out, as LML would.
 */
export type LmlMilestone = 'registered' | 'labId' | 'results';

const today = () => new Date().toISOString().slice(0, 10);

export class LmlStatusTimeline {
	private serial = 0;

	constructor(
		private readonly data: LmlFakeData,
		private readonly outbox: WebhookOutbox,
		private readonly secret: string,
	) {}

	/** A registration created now, awaiting its patient (no webhook: LML sends none for that). */
	createRegistration(parentId?: string): string {
		const id = randomUUID();
		const index = ++this.serial;
		this.data.testRegistrations.push({
			id,
			trf_code: `LML-CU${String(index).padStart(4, '0')}`,
			short_code: `CU${String(index).padStart(4, '0')}`,
			status: 'awaiting_patient',
			results_ready: false,
			patient_id: null,
			product_ids: ['e5f6a7b8-0000-4000-8000-000000000001'],
			product_skus: ['LML-THY-ADV'],
			created_at: today(),
			completed_at: null,
			patient_registered_at: null,
			foreign_id: `CATCH-UP-${index}`,
			lab_id: null,
			parent_id: parentId ?? null,
		});
		if (parentId) {
			this.send('test_registration.retest', {
				testregistration_id: parentId,
				retest_testregistration_id: id,
			});
		}
		return id;
	}

	advance(id: string, milestone: LmlMilestone): void {
		const registration = this.data.testRegistrations.find((each) => each.id === id);
		if (!registration) throw new Error(`The fake LML has no test registration ${id}`);
		if (milestone === 'registered') {
			Object.assign(registration, { status: 'pending', patient_registered_at: today() });
			this.send('test_registration.complete', { testregistration_id: id });
		} else if (milestone === 'labId') {
			registration.lab_id = `CU-${String(++this.serial).padStart(3, '0')}`;
			this.send('test_registration.lml_lab_id_created', {
				testregistration_id: id,
				lab_id: registration.lab_id,
			});
		} else {
			Object.assign(registration, {
				status: 'success',
				results_ready: true,
				completed_at: today(),
			});
			this.data.labResults[id] = [
				{
					id: `r-${id}`,
					name: 'TSH',
					code: 'TSH',
					value: '2.1',
					min_range: '0.27',
					max_range: '4.2',
					unit_type: 'mU/L',
					out_of_range: null,
					successful: true,
					comment: null,
					biomarker_id: 'bm-1',
				},
			];
			this.send('lab_results.complete', { testregistration_id: id });
		}
	}

	/** An order created now, awaiting shipping. */
	createOrder(): string {
		const id = randomUUID();
		this.data.orders.push({
			id,
			order_number: 50_000 + ++this.serial,
			created_at: new Date().toISOString(),
			items: [{ product_sku: 'LML-THY-ADV', quantity: 1 }],
			shipping_status: 'awaiting_shipping',
			payment_status: 'paid',
		});
		return id;
	}

	ship(id: string): void {
		this.order(id).shipping_status = 'shipped';
		this.send('order.shipped', { order_id: id });
	}

	/** Royal Mail confirmed delivery; LML does not always send the webhook for it. */
	deliver(id: string, { webhook = true } = {}): void {
		this.order(id).shipping_status = 'delivered';
		if (webhook) this.send('order.delivered', { order_id: id });
	}

	private order(id: string): Record<string, unknown> {
		const order = this.data.orders.find((each) => each.id === id);
		if (!order) throw new Error(`The fake LML has no order ${id}`);
		return order;
	}

	private send(event: string, data: Record<string, unknown>): void {
		const delivery = jsonDelivery({ event, data });
		const webhook: OutgoingWebhook = {
			label: `${event} ${String(data.testregistration_id ?? data.order_id)}`,
			build: () => sharedSecretSigner.sign(delivery, { secret: this.secret }),
		};
		this.outbox.send(webhook);
	}
}
