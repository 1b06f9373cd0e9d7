import {
	canonicalEventName,
	hurdleEventSchemas,
	kitsFromAnyShape,
} from '../../../nodes/Hurdle/events';
import { describeHurdleEvent, kitIdsFrom, timestampsFrom } from '../../../nodes/Hurdle/fields';
import { parseEvent } from '../../../nodes/shared/trigger/parseEvent';
import { fieldMappingsFrom, queryPayload, renameFields } from '../../../nodes/Hurdle/webhook';
import { hurdleSample } from '../../../dev/fakes/hurdle/samples';

describe('canonicalEventName', () => {
	it('lower-cases and trims eventType, so both documented casings name the same event', () => {
		expect(canonicalEventName({ eventType: 'ORDER.CREATED' })).toBe('order.created');
		expect(canonicalEventName({ eventType: ' order.created ' })).toBe('order.created');
		expect(canonicalEventName({ eventType: 'Test.Lab_Accessioned' })).toBe('test.lab_accessioned');
	});

	it('finds no event in a body without a textual eventType', () => {
		expect(canonicalEventName({})).toBeUndefined();
		expect(canonicalEventName({ eventType: 7 })).toBeUndefined();
		expect(canonicalEventName({ eventType: '  ' })).toBeUndefined();
	});
});

describe('kits in any shape', () => {
	it.each([
		['JSON array of objects', [{ kitId: 'A' }, { kitId: 'B' }]],
		['comma-separated text (GET)', 'A, B'],
		['JSON text (GET)', '[{"kitId":"A"},{"kitId":"B"}]'],
		['array of ids', ['A', 'B']],
		[
			'object with numeric keys (extended query parser, >20 entries)',
			{ 0: { kitId: 'A' }, 1: { kitId: 'B' } },
		],
	])('reads %s', (_shape, kits) => {
		expect(kitsFromAnyShape(kits)).toEqual([{ kitId: 'A' }, { kitId: 'B' }]);
		expect(kitIdsFrom({ kits })).toEqual(['A', 'B']);
	});

	it('adds a top-level kitId without repeating it', () => {
		expect(kitIdsFrom({ kits: [{ kitId: 'A' }], kitId: 'A' })).toEqual(['A']);
		expect(kitIdsFrom({ kitId: 'C' })).toEqual(['C']);
		expect(kitIdsFrom({})).toBeUndefined();
	});
});

describe('timestampsFrom', () => {
	it('normalises every …At date to ISO-8601 UTC and skips the rest', () => {
		expect(
			timestampsFrom({
				dispatchedAt: '2022-03-07T17:13:42.345+01:00',
				registeredAt: 'soon',
				eventType: 'X',
				createdAt: 5,
			}),
		).toEqual({ dispatchedAt: '2022-03-07T16:13:42.345Z' });
		expect(timestampsFrom({ eventType: 'X' })).toBeUndefined();
	});
});

describe('event schemas', () => {
	it('accepts the Chronomics example notification as it was published', () => {
		const seed = {
			eventType: 'ORDER.CREATED',
			version: 'v1',
			userId: 'a86dr8yl',
			productCode: 'AS92731331',
		};
		const parsed = parseEvent(hurdleEventSchemas, 'order.created', seed);
		expect(parsed.status).toBe('valid');
		expect(describeHurdleEvent(seed)).toEqual({
			eventType: 'ORDER.CREATED',
			version: 'v1',
			userId: 'a86dr8yl',
			productCode: 'AS92731331',
		});
	});

	it('accepts version as a number as well as "1" and "v1"', () => {
		for (const version of ['1', 'v1', 1]) {
			expect(
				parseEvent(hurdleEventSchemas, 'order.created', {
					...hurdleSample('order.created'),
					version,
				}).status,
			).toBe('valid');
		}
	});

	it('requires an order event to name its order', () => {
		const withoutOrder = hurdleSample('order.dispatched');
		delete withoutOrder.orderNumber;
		const parsed = parseEvent(hurdleEventSchemas, 'order.dispatched', withoutOrder);
		expect(parsed.status).toBe('invalid');
		expect(parsed.status === 'invalid' && parsed.issues).toEqual([
			expect.objectContaining({ path: 'orderNumber', code: 'custom' }),
		]);
	});

	it('reports a malformed documented timestamp without echoing it', () => {
		const parsed = parseEvent(hurdleEventSchemas, 'order.dispatched', {
			...hurdleSample('order.dispatched'),
			dispatchedAt: 'last Tuesday',
		});
		expect(parsed.status).toBe('invalid');
		expect(JSON.stringify(parsed.status === 'invalid' && parsed.issues)).not.toContain(
			'last Tuesday',
		);
	});

	it('lets undocumented TEST fields through untouched', () => {
		const payload = { ...hurdleSample('test.processed'), labReference: 'L-77', score: 3 };
		const parsed = parseEvent(hurdleEventSchemas, 'test.processed', payload);
		expect(parsed.status === 'valid' && parsed.data).toMatchObject({
			labReference: 'L-77',
			score: 3,
		});
	});
});

describe('field renaming', () => {
	it('maps the names a customer configured back to the documented ones', () => {
		const mappings = fieldMappingsFrom({
			fieldNames: {
				mappings: [
					{ from: 'type', to: 'eventType' },
					{ from: 'order', to: 'orderNumber' },
				],
			},
		});
		expect(renameFields({ type: 'ORDER.CREATED', order: 'HRD-1', version: '1' }, mappings)).toEqual(
			{
				eventType: 'ORDER.CREATED',
				orderNumber: 'HRD-1',
				version: '1',
			},
		);
	});

	it('reads every rename from the original body, so two fields can swap names', () => {
		const mappings = [
			{ from: 'a', to: 'b' },
			{ from: 'b', to: 'a' },
		];
		expect(renameFields({ a: 1, b: 2 }, mappings)).toEqual({ a: 2, b: 1 });
	});

	it('ignores empty, identical and prototype-reaching mappings', () => {
		const mappings = fieldMappingsFrom({
			fieldNames: {
				mappings: [
					{ from: '', to: 'eventType' },
					{ from: 'x', to: 'x' },
					{ from: 'evil', to: '__proto__' },
					{ from: ' kind ', to: ' eventType ' },
				],
			},
		});
		expect(mappings).toEqual([{ from: 'kind', to: 'eventType' }]);
		const renamed = renameFields({ evil: { polluted: true }, kind: 'X' }, mappings);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(renamed).toEqual({ evil: { polluted: true }, eventType: 'X' });
	});

	it('leaves the body alone when no mapping is set', () => {
		expect(fieldMappingsFrom({})).toEqual([]);
		expect(fieldMappingsFrom({ fieldNames: {} })).toEqual([]);
	});
});

describe('queryPayload', () => {
	it('drops the ?token= secret from a GET payload', () => {
		expect(queryPayload({ eventType: 'ORDER.CREATED', token: 'secret' })).toEqual({
			ok: true,
			body: { eventType: 'ORDER.CREATED' },
		});
	});

	it('refuses a GET that carries nothing but the secret', () => {
		expect(queryPayload({ token: 'secret' })).toMatchObject({ ok: false, status: 400 });
		expect(queryPayload({})).toMatchObject({ ok: false, status: 400 });
	});
});
