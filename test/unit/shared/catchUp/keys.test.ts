import { createHash } from 'node:crypto';

import { changeId, executionKey } from '../../../../nodes/shared/catchUp/keys';

/**
 * The ids a status change is known by: 128 bits of SHA-256 over 'change', the provider and the parts
 * (each ended by NUL, text as it is, the rest as canonical JSON), and the execution key naming the workflow.
 */
function sha256Id(text: string): string {
	return createHash('sha256').update(text).digest().subarray(0, 16).toString('base64url');
}

describe('the id of a status change', () => {
	test('is SHA-256 over change, the provider and the parts, each ended by NUL, cut to 128 bits', () => {
		expect(changeId('londonMedicalLaboratory', ['order.shipped', 'order-9'])).toBe(
			sha256Id('change\u0000londonMedicalLaboratory\u0000order.shipped\u0000order-9\u0000'),
		);
	});

	test('parts that are not text are written as JSON', () => {
		expect(changeId('junction', ['order', 42])).toBe(
			sha256Id('change\u0000junction\u0000order\u000042\u0000'),
		);
	});

	test('differs from a delivery fingerprint of the same parts without the change prefix', () => {
		expect(changeId('junction', ['order', 'o-1'])).not.toBe(
			sha256Id('junction\u0000order\u0000o-1\u0000'),
		);
	});
});

describe('the execution key of a change', () => {
	test('names the package, the workflow and the change', () => {
		expect(executionKey('wf-7', 'AbCdEfGhIjKlMnOpQrStUv')).toBe(
			'lab-testing:wf-7:AbCdEfGhIjKlMnOpQrStUv',
		);
	});
});
