import { mock } from 'jest-mock-extended';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	jsonBodyOf,
	jsonObjectFrom,
	MAX_BODY_BYTES,
	readDelivery,
} from '../../../nodes/shared/webhook/delivery';

describe('jsonObjectFrom', () => {
	it('decodes a JSON object, with or without a byte-order mark', () => {
		expect(jsonObjectFrom(Buffer.from('{"event":"x"}'))).toEqual({
			ok: true,
			body: { event: 'x' },
		});
		expect(jsonObjectFrom(Buffer.from('\uFEFF{"event":"x"}'))).toEqual({
			ok: true,
			body: { event: 'x' },
		});
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

describe('jsonBodyOf', () => {
	const raw = Buffer.from('{"event":"order.shipped","data":{"id":"o-1"}}');

	async function deliveryOf(request: IDataObject) {
		const context = mock<IWebhookFunctions>();
		context.getRequestObject.mockReturnValue({
			method: 'POST',
			readRawBody: jest.fn(),
			...request,
		} as never);
		context.getHeaderData.mockReturnValue({});
		context.getQueryData.mockReturnValue({});
		return readDelivery(context);
	}

	it("reuses n8n's parse of an application/json body instead of parsing the bytes again", async () => {
		const parsedByN8n = { event: 'order.shipped', data: { id: 'o-1' } };
		const outcome = jsonBodyOf(
			await deliveryOf({ rawBody: raw, contentType: 'application/json', body: parsedByN8n }),
		);
		expect(outcome.ok && outcome.body).toBe(parsedByN8n);
	});

	it.each([
		['text/plain', raw.toString()],
		['application/x-www-form-urlencoded', { '{"event":"order.shipped","data":{"id":"o-1"}}': '' }],
		['application/json', ['not', 'an', 'object']],
		[undefined, {}],
	])('parses the bytes itself when n8n parsed them as %s', async (contentType, body) => {
		const outcome = jsonBodyOf(await deliveryOf({ rawBody: raw, contentType, body }));
		expect(outcome).toEqual({ ok: true, body: { event: 'order.shipped', data: { id: 'o-1' } } });
	});

	it('still refuses an oversized body that n8n parsed', async () => {
		const huge = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
		const outcome = jsonBodyOf(
			await deliveryOf({ rawBody: huge, contentType: 'application/json', body: { event: 'x' } }),
		);
		expect(outcome).toMatchObject({ ok: false, status: 413 });
	});
});
