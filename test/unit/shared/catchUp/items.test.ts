import type { ITriggerFunctions } from 'n8n-workflow';

import { changeItems } from '../../../../nodes/shared/catchUp/items';
import type { CatchUpOptions } from '../../../../nodes/shared/catchUp/source';
import { SILENT_LOGGER } from '../../../support/fakes';
import { fakeChange, fakeId, fakeSource } from './fakeSource';

/**
 * The item of one change found by a catch-up round: the webhook trigger's item for the same event,
 * with its change id and `source: 'catchUp'`.
 */
const context = { logger: SILENT_LOGGER } as unknown as ITriggerFunctions;

beforeEach(() => {
	jest.useFakeTimers({ now: new Date('2025-03-04T05:06:07.000Z') });
});
afterEach(() => jest.useRealTimers());

describe('changeItems', () => {
	test('a valid change becomes one item with its typed fields, valid and without issues', async () => {
		const items = await changeItems(
			context,
			fakeSource(),
			fakeChange('rec-1', 'r1'),
			{},
			'include',
			false,
		);
		expect(items).toEqual([
			{
				json: {
					provider: 'fakeLab',
					event: 'result.ready',
					deliveryId: fakeId('r1'),
					resultId: 'r1',
					from: 'describe',
					receivedAt: '2025-03-04T05:06:07.000Z',
					validation: { valid: true, issues: [] },
					payload: { resultId: 'r1' },
					changeId: fakeId('r1'),
					source: 'catchUp',
				},
			},
		]);
	});

	test('an event this node does not know becomes the other event, with the ids identify reads', async () => {
		const change = {
			record: 'rec-1',
			event: 'result.mystery',
			id: 'change-m',
			payload: { resultId: 'r9' },
		};
		const [item] = await changeItems(context, fakeSource(), change, {}, 'include', false);
		expect(item.json).toMatchObject({
			event: 'other',
			eventName: 'result.mystery',
			resultId: 'r9',
			from: 'identify',
			validation: { valid: false, issues: [] },
		});
	});

	test('an invalid payload is emitted as not valid, with its issues and the ids identify reads', async () => {
		const change = {
			record: 'rec-1',
			event: 'result.ready',
			id: 'change-x',
			payload: { resultId: 42 },
		};
		const [item] = await changeItems(context, fakeSource(), change, {}, 'include', false);
		expect(item.json).toMatchObject({
			event: 'result.ready',
			resultId: 42,
			from: 'identify',
			validation: {
				valid: false,
				issues: [
					{ path: 'resultId', code: 'invalid_type', message: 'Expected string, received number' },
				],
			},
		});
	});
});

describe('Fetch Full Data in a change item', () => {
	const fetchFullData: CatchUpOptions = { fetchFullData: true };

	/** The item of one change, and how often the source fetched full data for it. */
	async function changeItem(options: CatchUpOptions, fullData: boolean, source = fakeSource()) {
		const [item] = await changeItems(
			context,
			source,
			fakeChange('rec-1', 'r1'),
			options,
			'include',
			fullData,
		);
		return { json: item.json, enrichCalls: source.enrichCalls };
	}

	test('is fetched when the round asks for full data and the option is on', async () => {
		const { json, enrichCalls } = await changeItem(fetchFullData, true);
		expect(enrichCalls).toBe(1);
		expect(json).toMatchObject({ fullData: { fetched: true }, extra: 'fetched' });
	});

	test('is not fetched when the option is off', async () => {
		const { json, enrichCalls } = await changeItem({ fetchFullData: false }, true);
		expect(enrichCalls).toBe(0);
		expect(json).not.toHaveProperty('fullData');
		expect(json).not.toHaveProperty('extra');
	});

	test('is not fetched when the caller does not ask for full data, though the option is on', async () => {
		const { json, enrichCalls } = await changeItem(fetchFullData, false);
		expect(enrichCalls).toBe(0);
		expect(json).not.toHaveProperty('fullData');
	});

	test('is not tried for a provider that cannot fetch it', async () => {
		const { json } = await changeItem(fetchFullData, true, fakeSource({ enrich: false }));
		expect(json).not.toHaveProperty('fullData');
		expect(json.resultId).toBe('r1');
	});
});
