import { mock } from 'jest-mock-extended';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	jsonBodyOf,
	jsonObjectFrom,
	nestsDeeperThan,
	readDelivery,
	respond,
	type Delivery,
} from '../../../../nodes/shared/webhook/delivery';
import { FakeResponse } from '../../../support/fakeResponse';

const bytes = (text: string) => Buffer.from(text);
const nested = (levels: number, open = '[', close = ']') =>
	open.repeat(levels) + close.repeat(levels);

describe('nestsDeeperThan', () => {
	it('counts objects and arrays alike, and allows exactly the limit', () => {
		expect(nestsDeeperThan(bytes(nested(3)), 3)).toBe(false);
		expect(nestsDeeperThan(bytes(nested(4)), 3)).toBe(true);
		expect(nestsDeeperThan(bytes('{"a":{"b":{"c":{}}}}'), 3)).toBe(true);
		expect(nestsDeeperThan(bytes('{"a":{"b":{"c":1}}}'), 3)).toBe(false);
	});

	it('counts depth, not brackets: closed siblings do not add up', () => {
		expect(nestsDeeperThan(bytes('[[1],[2],[3],{"a":[]}]'), 3)).toBe(false);
		expect(nestsDeeperThan(bytes('{"a":{},"b":{},"c":{},"d":{}}'), 2)).toBe(false);
	});

	it('ignores brackets inside strings, escaped quotes included', () => {
		expect(nestsDeeperThan(bytes('{"note":"[[[[{{{{"}'), 1)).toBe(false);
		// The escaped quote does not end the string: the brackets after it are still text.
		expect(nestsDeeperThan(bytes('{"note":"say \\"[[[[\\" twice"}'), 1)).toBe(false);
		// After the string ends, brackets count again.
		expect(nestsDeeperThan(bytes('{"note":"x","a":[[1]]}'), 2)).toBe(true);
	});
});

describe('jsonObjectFrom and jsonBodyOf on hostile bodies', () => {
	const deep = bytes(`{"a":${nested(40)}}`);

	it('refuses a body nested deeper than 32 levels with 422, naming the limit', () => {
		expect(jsonObjectFrom(deep)).toEqual({
			ok: false,
			status: 422,
			message: 'The body nests deeper than 32 levels',
		});
		expect(jsonObjectFrom(bytes(`{"a":${nested(31)}}`))).toMatchObject({ ok: true });
	});

	it('refuses a deep body even when n8n has already parsed it', () => {
		const delivery: Delivery = {
			method: 'POST',
			headers: {},
			query: {},
			rawBody: deep,
			parsedJson: { a: [] },
			receivedAt: new Date(),
		};
		expect(jsonBodyOf(delivery)).toMatchObject({ ok: false, status: 422 });
	});

	it('says how large a body may be', () => {
		expect(jsonObjectFrom(Buffer.alloc(1024 * 1024 + 1, 0x20))).toEqual({
			ok: false,
			status: 413,
			message: 'The body is larger than 1024 KiB',
		});
		const atLimit = Buffer.alloc(1024 * 1024, 0x20);
		atLimit.write('{}');
		expect(jsonObjectFrom(atLimit)).toEqual({ ok: true, body: {} });
	});

	it('treats whitespace of any kind as an empty body, and a bare array as JSON', () => {
		expect(jsonObjectFrom(bytes(' \n\t\r '))).toMatchObject({ ok: false, status: 400 });
		expect(jsonObjectFrom(bytes('[]'))).toEqual({
			ok: false,
			status: 422,
			message: 'The body is JSON but not an object',
		});
		expect(jsonObjectFrom(bytes('{}'))).toEqual({ ok: true, body: {} });
	});
});

describe('readDelivery', () => {
	function contextFor(request: IDataObject) {
		const context = mock<IWebhookFunctions>();
		context.getRequestObject.mockReturnValue(request as never);
		context.getHeaderData.mockReturnValue({ 'x-a': '1' });
		context.getQueryData.mockReturnValue({ token: 't' });
		return context;
	}

	it('reads the raw body of a POST that n8n has not read yet', async () => {
		const request: IDataObject = { method: 'POST' };
		request.readRawBody = jest.fn(async () => {
			request.rawBody = bytes('{"event":"x"}');
		});
		const before = Date.now();
		const delivery = await readDelivery(contextFor(request));
		expect(request.readRawBody).toHaveBeenCalledTimes(1);
		expect(delivery.rawBody.toString()).toBe('{"event":"x"}');
		expect(delivery).toMatchObject({
			method: 'POST',
			headers: { 'x-a': '1' },
			query: { token: 't' },
		});
		expect(delivery.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
		expect(delivery.receivedAt.getTime()).toBeLessThanOrEqual(Date.now());
	});

	it('does not read again a body n8n has read, nor the absent body of a GET', async () => {
		const read = { method: 'POST', rawBody: bytes('{}'), readRawBody: jest.fn() };
		expect((await readDelivery(contextFor(read))).rawBody.toString()).toBe('{}');
		expect(read.readRawBody).not.toHaveBeenCalled();

		const get = { method: 'GET', readRawBody: jest.fn() };
		const delivery = await readDelivery(contextFor(get));
		expect(get.readRawBody).not.toHaveBeenCalled();
		expect(delivery.rawBody).toEqual(Buffer.alloc(0));
		expect(delivery.method).toBe('GET');
	});

	it('does not take n8n parse of an empty application/json body as the payload', async () => {
		const delivery = await readDelivery(
			contextFor({
				method: 'POST',
				rawBody: Buffer.alloc(0),
				contentType: 'application/json',
				body: { a: 1 },
			}),
		);
		expect(delivery.parsedJson).toBeUndefined();
		expect(jsonBodyOf(delivery)).toMatchObject({ ok: false, status: 400 });
	});

	it('does not take a null parse as the payload', async () => {
		const delivery = await readDelivery(
			contextFor({
				method: 'POST',
				rawBody: bytes('{"a":2}'),
				contentType: 'application/json',
				body: null,
			}),
		);
		expect(delivery.parsedJson).toBeUndefined();
		expect(jsonBodyOf(delivery)).toEqual({ ok: true, body: { a: 2 } });
	});
	it('takes neither a JSON string nor a GET without a body from n8n as the payload', async () => {
		const text = await readDelivery(
			contextFor({
				method: 'POST',
				rawBody: bytes('{"a":3}'),
				contentType: 'application/json',
				body: '{"a":3}',
			}),
		);
		expect(text.parsedJson).toBeUndefined();
		expect(jsonBodyOf(text)).toEqual({ ok: true, body: { a: 3 } });
		const get = await readDelivery(
			contextFor({ method: 'GET', contentType: 'application/json', body: { a: 4 } }),
		);
		expect(get.parsedJson).toBeUndefined();
		expect(jsonBodyOf(get)).toMatchObject({ ok: false, status: 400 });
	});

	it('accepts a body of exactly the size limit that n8n parsed', () => {
		const atLimit = Buffer.alloc(1024 * 1024, 0x20);
		atLimit.write('{"a":5}');
		const delivery: Delivery = {
			method: 'POST',
			headers: {},
			query: {},
			rawBody: atLimit,
			parsedJson: { a: 5 },
			receivedAt: new Date(),
		};
		expect(jsonBodyOf(delivery)).toEqual({ ok: true, body: { a: 5 } });
	});
});

describe('respond', () => {
	it('answers with the status, headers and body itself, and tells n8n not to answer again', () => {
		const response = new FakeResponse();
		const context = mock<IWebhookFunctions>();
		context.getResponseObject.mockReturnValue(response as never);
		const result = respond(
			context,
			503,
			{ status: 'busy', message: 'later' },
			{ 'Retry-After': '30' },
		);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(503);
		expect(response.headers).toEqual({ 'retry-after': '30' });
		expect(response.body).toEqual({ status: 'busy', message: 'later' });
	});
});
