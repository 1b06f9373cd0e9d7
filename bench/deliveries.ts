/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { buildDelivery, type ProviderKey } from '../test/support/sender';

/**
 * The deliveries every benchmark sends: what each provider really sends (test/support/sender.ts, the
 * Junction ones signed with the official svix library), each one unique — a new record id for LML and
 * Hurdle, a new svix-id for Junction — so deduplication never answers "duplicate".
 */
export const BENCH_HEADER = 'X-Webhook-Secret';

export const BENCH_SECRETS: Record<ProviderKey, string> = {
	lml: 'bench-lml-webhook-secret',
	hurdle: 'bench-hurdle-webhook-secret',
	junction: `whsec_${Buffer.from('bench-junction-signing-key-32by!').toString('base64')}`,
};

export interface BenchDelivery {
	headers: Record<string, string>;
	body: Buffer;
}

/** Delivery number `index` of a provider: LML sample_received, Hurdle ORDER.DISPATCHED, Junction order updated. */
export function benchDelivery(provider: ProviderKey, index: number): BenchDelivery {
	const id = `b0000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
	const built =
		provider === 'lml'
			? buildDelivery('lml', 'test_registration.sample_received', {
					secret: BENCH_SECRETS.lml,
					headerName: BENCH_HEADER,
					overrides: { testRegistrationId: id },
				})
			: provider === 'hurdle'
				? buildDelivery('hurdle', 'order.dispatched', {
						secret: BENCH_SECRETS.hurdle,
						headerName: BENCH_HEADER,
						overrides: { orderNumber: `HRD-${String(index).padStart(9, '0')}` },
					})
				: buildDelivery('junction', 'labtest.order.updated', {
						secret: BENCH_SECRETS.junction,
						messageId: `msg_bench_${process.pid}_${index}`,
						overrides: { orderId: id },
					});
	return { headers: built.headers, body: Buffer.from(built.body) };
}
