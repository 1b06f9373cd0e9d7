/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { countedId, TEST_PROVIDERS, testProvider, type ProviderKey } from '../dev/fakes';
import { buildDelivery } from '../dev/fakes/sender';

/**
 * The deliveries every benchmark sends: what each provider really sends (dev/fakes/sender.ts, the
 * Junction ones signed with the official svix library), each one unique — a new record id in the body
 * (the descriptor's counted event), and a new svix-id for Junction — so deduplication never answers
 * "duplicate".
 */
export const BENCH_HEADER = 'X-Webhook-Secret';

/** Each provider's webhook secret in the benchmarks, of the kind its signer takes. */
export const BENCH_SECRETS = Object.fromEntries(
	TEST_PROVIDERS.map(({ key, signer }) => [key, signer.secret(`bench-${key}-webhook-secret`)]),
) as Record<ProviderKey, string>;

export interface BenchDelivery {
	headers: Record<string, string>;
	body: Buffer;
}

/** Every bench record id of the uuid kind starts so; the rest is the delivery's number. */
export const BENCH_UUID_PREFIX = 'b0000000-0000-4000-8000-';

/** Delivery number `index` of a provider: its counted event (LML sample_received, Hurdle ORDER.DISPATCHED, Junction order updated). */
export function benchDelivery(provider: ProviderKey, index: number): BenchDelivery {
	const { counted } = testProvider(provider);
	const id = countedId(counted, {
		uuid: `${BENCH_UUID_PREFIX}${String(index).padStart(12, '0')}`,
		digits: String(index).padStart(9, '0'),
	});
	const built = buildDelivery(provider, counted.event, {
		secret: BENCH_SECRETS[provider],
		headerName: BENCH_HEADER,
		messageId: `msg_bench_${process.pid}_${index}`,
		overrides: { [counted.idOverride]: id },
	});
	return { headers: built.headers, body: Buffer.from(built.body) };
}
