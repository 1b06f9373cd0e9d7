import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import {
	createOnce,
	itemReference,
	mayHaveHappened,
} from '../../../../nodes/shared/actions/createOnce';
import { canonicalJson } from '../../../../nodes/shared/values';
import { apiError, unreachable } from '../../../../nodes/shared/transport/apiErrors';
import { executeContext } from '../../../support/contexts';

const node = { id: 'node-1', name: 'Create' } as INode;
const api = {
	providerName: 'Lab',
	credentialType: 'lab',
	baseUrl: () => '',
	authenticationHint: '',
};

function context(staticData: IDataObject = {}, input: IDataObject = { any: 1 }) {
	const created = executeContext({ parameters: {}, credentials: {} });
	(created.getWorkflowStaticData as jest.Mock).mockReturnValue(staticData);
	(created.getWorkflow as jest.Mock).mockReturnValue({ id: 'wf', name: 'wf', active: true });
	(created.getInputData as jest.Mock).mockReturnValue([{ json: input }]);
	return created;
}

const options = (reference: string, create: () => Promise<IDataObject>) => ({
	api,
	what: 'order',
	reference,
	howToCheck: 'Look for it.',
	allowRepeatParameter: 'Options › Allow Repeat',
	allowRepeat: false,
	itemIndex: 0,
	idOf: (value: IDataObject) => value.id as string,
	create,
});

describe('canonicalJson and itemReference', () => {
	it('writes the same value the same way whatever the order of its keys', () => {
		expect(canonicalJson({ b: [1, { d: 2, c: 3 }], a: 'x', skip: undefined })).toBe(
			'{"a":"x","b":[1,{"c":3,"d":2}]}',
		);
	});

	it("names an item by its trigger's deliveryId when it has one, else by all of it", () => {
		const reference = (input: IDataObject, request: IDataObject = {}) =>
			itemReference(context({}, input), 0, 'order.create', request);
		expect(reference({ deliveryId: 'd1', receivedAt: 1 })).toBe(
			reference({ deliveryId: 'd1', receivedAt: 2 }),
		);
		expect(reference({ deliveryId: 'd1' })).not.toBe(reference({ deliveryId: 'd2' }));
		expect(reference({ a: 1, b: 2 })).toBe(reference({ b: 2, a: 1 }));
		expect(reference({ a: 1 })).not.toBe(reference({ a: 2 }));
		expect(reference({ a: 1 }, { x: 1 })).not.toBe(reference({ a: 1 }, { x: 2 }));
		expect(reference({ a: 1 })).toMatch(/^[0-9a-f]{32}$/);
	});

	it('names an item in an unsaved workflow (no id) as in one whose id is empty, and an item n8n did not pass as an empty one', () => {
		const withWorkflow = (workflow: unknown, input: IDataObject[]) => {
			const created = context();
			(created.getWorkflow as jest.Mock).mockReturnValue(workflow);
			(created.getInputData as jest.Mock).mockReturnValue(input.map((json) => ({ json })));
			return itemReference(created, 0, 'order.create', {});
		};
		const empty = withWorkflow({ id: '' }, [{}]);
		expect(withWorkflow({}, [{}])).toBe(empty);
		expect(withWorkflow(undefined, [{}])).toBe(empty);
		expect(withWorkflow({ id: '' }, [])).toBe(empty);
		expect(withWorkflow({ id: 'wf' }, [{}])).not.toBe(empty);
	});

	it('names a status change by its changeId, and an event by its content, whichever delivery brought it', () => {
		const reference = (input: IDataObject) =>
			itemReference(context({}, input), 0, 'order.create', {});
		const payload = { data: { id: 'o-1', status: 'completed' } };
		expect(reference({ changeId: 'c1', deliveryId: 'webhook', payload })).toBe(
			reference({ changeId: 'c1', deliveryId: 'catch-up', payload: { other: true } }),
		);
		expect(reference({ changeId: 'c1' })).not.toBe(reference({ changeId: 'c2' }));
		expect(reference({ event: 'e', payload, deliveryId: 'msg_1' })).toBe(
			reference({ event: 'e', payload, deliveryId: 'msg_2' }),
		);
		expect(reference({ event: 'e', payload, deliveryId: 'msg_1' })).not.toBe(
			reference({ event: 'e', payload: { data: { id: 'o-2' } }, deliveryId: 'msg_1' }),
		);
	});
});

describe('mayHaveHappened', () => {
	it('is true only when the write may have been carried out', () => {
		const status = (code: number) => apiError(node, api, code, {});
		const network = (code?: string) =>
			unreachable(node, api, Object.assign(new Error('x'), { code }));
		expect(mayHaveHappened(status(500))).toBe(true);
		expect(mayHaveHappened(status(502))).toBe(true);
		expect(mayHaveHappened(network('ECONNABORTED'))).toBe(true);
		expect(mayHaveHappened(network('ECONNRESET'))).toBe(true);
		expect(mayHaveHappened(network())).toBe(true);
		expect(mayHaveHappened(status(400))).toBe(false);
		expect(mayHaveHappened(status(429))).toBe(false);
		expect(mayHaveHappened(network('ECONNREFUSED'))).toBe(false);
		expect(mayHaveHappened(network('ENOTFOUND'))).toBe(false);
		expect(mayHaveHappened(network('EAI_AGAIN'))).toBe(false);
		expect(mayHaveHappened(network('EHOSTUNREACH'))).toBe(false);
		expect(mayHaveHappened(network('ENETUNREACH'))).toBe(false);
		// No status at all (0): judged by the network code, and none means no answer came.
		expect(mayHaveHappened(new NodeApiError(node, {} as JsonObject, { httpCode: '0' }))).toBe(true);
		expect(mayHaveHappened(new Error('a bug'))).toBe(false);
	});
});

describe('createOnce', () => {
	afterEach(() => jest.useRealTimers());

	it('remembers a create for 7 days to the millisecond, whatever the order its records were written in', async () => {
		jest.useFakeTimers({ now: Date.parse('2026-09-10T12:00:00Z') });
		const day = 24 * 60 * 60 * 1000;
		const now = Date.now();
		const ledger: IDataObject = {
			sixDays: [now - 6 * day, 'created', 'o-6'],
			sevenDays: [now - 7 * day, 'created', 'o-7'],
		};
		const staticData: IDataObject = { createdItems: ledger };
		const create = jest.fn(async () => ({ id: 'new' }));
		const kept = await createOnce(context(staticData), options('sixDays', create));
		expect(kept).toMatchObject({ created: false, id: 'o-6' });
		expect(ledger).not.toHaveProperty('sevenDays');
		expect(create).not.toHaveBeenCalled();
	});

	it('at 1,000 records drops the oldest by time, not the first written', async () => {
		const recent = Date.now() - 60_000;
		const ledger: IDataObject = {};
		// Written newest first: the oldest record is the last key.
		for (let index = 999; index >= 0; index--)
			ledger[`r${index}`] = [recent + index, 'created', `o${index}`];
		const staticData: IDataObject = { createdItems: ledger };
		await createOnce(
			context(staticData),
			options('another', async () => ({ id: 'new' })),
		);
		expect(Object.keys(ledger)).toHaveLength(1000);
		expect(ledger).not.toHaveProperty('r0');
		expect(ledger).toHaveProperty('r999');
		expect(ledger).toHaveProperty('r1');
	});

	it('turns an error that is no API error into a NodeOperationError of its item', async () => {
		const error = (await createOnce(context(), {
			...options('r', async () => await Promise.reject(new Error('a bug'))),
			itemIndex: 3,
		}).catch((caught: NodeOperationError) => caught)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('a bug');
		expect(error.context.itemIndex).toBe(3);
	});

	it('names what it created before, with or without its id', async () => {
		const staticData: IDataObject = {
			createdItems: {
				withId: [Date.now(), 'created', 'o-1'],
				withoutId: [Date.now(), 'created', ''],
			},
		};
		const create = jest.fn(async () => ({ id: 'new' }));
		const named = await createOnce(context(staticData), options('withId', create));
		const unnamed = await createOnce(context(staticData), options('withoutId', create));
		expect(named).toMatchObject({
			created: false,
			message: expect.stringMatching(
				/^Not created again: this node created order o-1 for the same input at /,
			),
		});
		expect(unnamed).toMatchObject({
			created: false,
			message: expect.stringMatching(
				/^Not created again: this node created the order for the same input at /,
			),
		});
		expect(create).not.toHaveBeenCalled();
	});

	it('records a create whose answer names no id', async () => {
		const staticData: IDataObject = {};
		await createOnce(
			context(staticData),
			options('r', async () => ({})),
		);
		expect(staticData).toEqual({ createdItems: { r: [expect.any(Number), 'created', ''] } });
	});
	it('forgets creates after 7 days and keeps at most 1,000', async () => {
		const old = Date.now() - 8 * 24 * 60 * 60 * 1000;
		const recent = Date.now() - 60_000;
		const ledger: IDataObject = { stale: [old, 'created', 'o-1'] };
		for (let index = 0; index < 1000; index++)
			ledger[`r${index}`] = [recent + index, 'created', `o${index}`];
		const staticData: IDataObject = { createdItems: ledger };
		const create = jest.fn(async () => ({ id: 'new' }));
		const outcome = await createOnce(context(staticData), options('stale', create));
		expect(outcome).toEqual({ created: true, value: { id: 'new' } });
		expect(create).toHaveBeenCalledTimes(1);
		expect(Object.keys(ledger)).toHaveLength(1000);
		expect(ledger).not.toHaveProperty('r0');
		expect(ledger.stale).toEqual([expect.any(Number), 'created', 'new']);
	});

	it('remembers nothing for a create that surely did not happen', async () => {
		const staticData: IDataObject = {};
		const refused = apiError(node, api, 422, { message: 'bad' });
		await expect(
			createOnce(
				context(staticData),
				options('r', async () => await Promise.reject(refused)),
			),
		).rejects.toBe(refused);
		const neverSent = unreachable(
			node,
			api,
			Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
		);
		await expect(
			createOnce(
				context(staticData),
				options('r', async () => await Promise.reject(neverSent)),
			),
		).rejects.toBe(neverSent);
		expect(staticData).toEqual({ createdItems: {} });
	});

	it('keeps the HTTP status of an unconfirmed create in its error', async () => {
		const failure = apiError(node, api, 503, {});
		const error = (await createOnce(
			context(),
			options('r', async () => await Promise.reject(failure)),
		).catch((caught: NodeApiError) => caught)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).not.toBe(failure);
		expect(error.httpCode).toBe('503');
		expect(error.message).toBe('Lab may have created the order without confirming it');
		expect(error.description).toBe(
			'Lab could not handle the request (HTTP 503). It was not sent again: Lab has no way to recognise a repeat. Look for it.',
		);
		expect((error.errorResponse as JsonObject).httpCode).toBe('503');
		const staticData: IDataObject = {};
		await createOnce(
			context(staticData),
			options('r', async () => await Promise.reject(failure)),
		).catch(() => undefined);
		expect(staticData).toEqual({ createdItems: { r: [expect.any(Number), 'unconfirmed', ''] } });
	});
});
