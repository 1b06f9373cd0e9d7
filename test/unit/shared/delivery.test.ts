import { jsonObjectFrom, MAX_BODY_BYTES } from '../../../nodes/shared/webhook/delivery';

describe('jsonObjectFrom', () => {
	it('decodes a JSON object, with or without a byte-order mark', () => {
		expect(jsonObjectFrom(Buffer.from('{"event":"x"}'))).toEqual({ ok: true, body: { event: 'x' } });
		expect(jsonObjectFrom(Buffer.from('\uFEFF{"event":"x"}'))).toEqual({ ok: true, body: { event: 'x' } });
	});

	it.each([
		['', 400, 'empty'],
		['   ', 400, 'empty'],
		['{"event":', 422, 'not valid JSON'],
		['[1,2]', 422, 'not an object'],
		['"text"', 422, 'not an object'],
		['null', 422, 'not an object'],
		['42', 422, 'not an object'],
	])('answers %j with %i', (text, status, message) => {
		const outcome = jsonObjectFrom(Buffer.from(text));
		expect(outcome).toMatchObject({ ok: false, status });
		expect(outcome.ok === false && outcome.message).toContain(message);
	});

	it('refuses bodies over the size limit before parsing them', () => {
		const outcome = jsonObjectFrom(Buffer.alloc(MAX_BODY_BYTES + 1, 0x20));
		expect(outcome).toMatchObject({ ok: false, status: 413 });
	});
});
