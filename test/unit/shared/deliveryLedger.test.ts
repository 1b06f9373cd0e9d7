import type { IDataObject } from 'n8n-workflow';

import {
	canonicalJson,
	deliveryFingerprint,
	emptyLedger,
	hasDelivery,
	isLedger,
	ledgerSize,
	recordDelivery,
} from '../../../nodes/shared/webhook/deliveryLedger';
import { claimDelivery, resetInProcessLedgers } from '../../../nodes/shared/webhook/deliveryStore';
import { webhookContext } from '../../support/contexts';

const policy = { ttlSeconds: 3600, maxEntries: 10 };

describe('deliveryFingerprint', () => {
	it('is a short hash that does not contain the data it was made from', () => {
		const key = deliveryFingerprint([
			'lml',
			'lab_results.complete',
			{ testregistration_id: 'patient-ref-42' },
		]);
		expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(key).not.toContain('42');
	});

	it('is the same for the same data in another key order, different for different data', () => {
		const a = deliveryFingerprint(['x', { b: 1, a: [1, { d: 2, c: 3 }] }]);
		const b = deliveryFingerprint(['x', { a: [1, { c: 3, d: 2 }], b: 1 }]);
		expect(a).toBe(b);
		expect(deliveryFingerprint(['x', { a: 1 }])).not.toBe(deliveryFingerprint(['x', { a: 2 }]));
		expect(deliveryFingerprint(['a', 'bc'])).not.toBe(deliveryFingerprint(['ab', 'c']));
	});

	it('writes canonical JSON with sorted keys', () => {
		expect(canonicalJson({ b: 1, a: { d: null, c: 'x' } })).toBe('{"a":{"c":"x","d":null},"b":1}');
		expect(canonicalJson(undefined)).toBe('null');
	});
});

describe('recordDelivery', () => {
	it('records a new key once and reports the second sighting as a duplicate', () => {
		const ledger = emptyLedger();
		expect(recordDelivery(ledger, 'k1', 1000, policy)).toBe(true);
		expect(recordDelivery(ledger, 'k1', 1001, policy)).toBe(false);
		expect(ledgerSize(ledger)).toBe(1);
	});

	it('forgets a key exactly when its time to live has passed', () => {
		const ledger = emptyLedger();
		recordDelivery(ledger, 'k1', 1000, policy);
		expect(hasDelivery(ledger, 'k1', 1000 + 3599)).toBe(true);
		expect(hasDelivery(ledger, 'k1', 1000 + 3600)).toBe(false);
		expect(recordDelivery(ledger, 'k1', 1000 + 3600, policy)).toBe(true);
	});

	it('still knows a key recorded late in the previous generation', () => {
		const ledger = emptyLedger();
		recordDelivery(ledger, 'early', 1000, policy);
		recordDelivery(ledger, 'late', 1000 + 3000, policy);
		recordDelivery(ledger, 'next', 1000 + 3700, policy); // a time-to-live later: the generations rotate
		expect(hasDelivery(ledger, 'late', 1000 + 3700)).toBe(true);
		expect(hasDelivery(ledger, 'early', 1000 + 3700)).toBe(false);
		expect(recordDelivery(ledger, 'late', 1000 + 3800, policy)).toBe(false);
	});

	it('drops only expired keys when it rotates on age', () => {
		const ledger = emptyLedger();
		recordDelivery(ledger, 'a', 1000, policy);
		recordDelivery(ledger, 'b', 4700, policy); // rotation: 'a' moves to previous
		recordDelivery(ledger, 'c', 8400, policy); // rotation: 'a' (expired) is dropped, 'b' kept
		expect(Object.keys(ledger.previous)).toEqual(['b']);
		expect(Object.keys(ledger.current)).toEqual(['c']);
	});

	it('evicts the oldest generation first when over its bound, keeping the newest', () => {
		const ledger = emptyLedger();
		for (let index = 0; index < 11; index++)
			recordDelivery(ledger, `k${index}`, 1000 + index, policy);
		expect(ledgerSize(ledger)).toBeLessThanOrEqual(policy.maxEntries);
		expect(hasDelivery(ledger, 'k0', 1011)).toBe(false);
		expect(hasDelivery(ledger, 'k10', 1011)).toBe(true);
		expect(hasDelivery(ledger, 'k9', 1011)).toBe(true);
	});

	it('never grows past its bound however many deliveries arrive', () => {
		const ledger = emptyLedger();
		for (let index = 0; index < 1000; index++) {
			recordDelivery(ledger, `k${index}`, 1000, policy);
			expect(ledgerSize(ledger)).toBeLessThanOrEqual(policy.maxEntries);
		}
	});

	it('recognises its own shape in static data, and survives a JSON round trip', () => {
		const ledger = emptyLedger();
		recordDelivery(ledger, 'k1', 1000, policy);
		const copy: unknown = JSON.parse(JSON.stringify(ledger));
		expect(isLedger(copy)).toBe(true);
		expect(isLedger(copy) && hasDelivery(copy, 'k1', 1001)).toBe(true);
		expect(isLedger({ version: 1, entries: {}, size: 0 })).toBe(false);
		expect(isLedger(undefined)).toBe(false);
	});
});

describe('claimDelivery', () => {
	beforeEach(() => resetInProcessLedgers());

	const hash1 = deliveryFingerprint(['test', 1]);
	const hash2 = deliveryFingerprint(['test', 2]);
	const claim = (
		staticData: IDataObject,
		key: string,
		mode: 'webhook' | 'manual' = 'webhook',
		workflowId = 'wf',
	) =>
		claimDelivery(
			webhookContext({ parameters: {}, credentials: {}, request: {}, staticData, mode, workflowId })
				.context,
			key,
			policy,
			5000,
		);

	it('keeps only hashes and expiry times in static data', () => {
		const staticData: IDataObject = {};
		expect(claim(staticData, hash1)).toBe(true);
		expect(staticData.deliveries).toEqual({
			version: 3,
			currentSize: 1,
			current: `${hash1}${(5000 + 3600).toString(36).padStart(7, '0')}`,
			previous: '',
			currentStartedAt: 5000,
		});
	});

	it('still knows deliveries recorded in the earlier static-data format', () => {
		const earlier = emptyLedger(4000);
		recordDelivery(earlier, hash1, 4000, policy);
		expect(claim({ deliveries: JSON.parse(JSON.stringify(earlier)) as IDataObject }, hash1)).toBe(
			false,
		);
		const staticData: IDataObject = {
			deliveries: JSON.parse(JSON.stringify(earlier)) as IDataObject,
		};
		expect(claim(staticData, hash2)).toBe(true);
		expect(staticData.deliveries).toMatchObject({ version: 3, currentSize: 2 });
	});

	it('drops a redelivery that arrives after a restart, from static data alone', () => {
		const staticData: IDataObject = {};
		expect(claim(staticData, hash1)).toBe(true);
		resetInProcessLedgers();
		expect(claim(JSON.parse(JSON.stringify(staticData)) as IDataObject, hash1)).toBe(false);
	});

	it('drops a concurrent copy whose static data was loaded before the first was saved', () => {
		// n8n gives each request its own copy of static data; neither copy has seen the other.
		expect(claim({}, hash1)).toBe(true);
		expect(claim({}, hash1)).toBe(false);
	});

	it('keeps test deliveries apart from production ones, and workflows apart', () => {
		expect(claim({}, hash1, 'manual')).toBe(true);
		expect(claim({}, hash1, 'webhook')).toBe(true);
		expect(claim({}, hash1, 'webhook', 'other-workflow')).toBe(true);
	});
});
