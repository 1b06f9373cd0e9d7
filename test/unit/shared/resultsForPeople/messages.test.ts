import { pendingResults } from '../../../../nodes/shared/results';
import {
	previousRowsOf,
	withMessages,
	withMessagesInEnrichment,
} from '../../../../nodes/shared/resultsForPeople/messages';
import { row, thyroidPanel } from './rows';

describe('previousRowsOf', () => {
	const rows = thyroidPanel().rows;
	const names = (passed: unknown) => {
		const found = previousRowsOf(passed);
		return Array.isArray(found) ? found.map((each) => each.biomarker) : found;
	};

	it.each([
		['a results block', thyroidPanel()],
		['an action item with the block at its top', { orderId: 'o-1', ...thyroidPanel() }],
		[
			'a trigger or Hurdle item with the block under results',
			{ test: {}, results: thyroidPanel() },
		],
		['an n8n item', { json: { results: thyroidPanel() } }],
		['the rows', rows],
		['items of One Item per Biomarker', rows.map((each) => ({ json: { testId: 't', ...each } }))],
		['the rows as JSON text', JSON.stringify(rows)],
	])('reads %s', (_what, passed) =>
		expect(names(passed)).toEqual(['Free T4', 'TSH', 'Vitamin D', 'Ferritin']),
	);

	it('reads one row as a list of one, and results not ready yet as none', () => {
		expect(names(row('TSH', 5, 'high'))).toEqual(['TSH']);
		expect(previousRowsOf(pendingResults('not yet'))).toEqual([]);
	});

	it('takes nothing passed as no comparison', () => {
		for (const passed of [undefined, null, '']) expect(previousRowsOf(passed)).toBeUndefined();
	});

	it('says what is wrong with anything else, naming no value', () => {
		expect(previousRowsOf('{"rows": [')).toBe('is not valid JSON');
		expect(previousRowsOf(42)).toBe(
			'must be an earlier results item, its results block or its rows',
		);
		expect(previousRowsOf([{ name: 'Jane' }])).toBe(
			'must hold result rows, each with a biomarker name',
		);
	});

	it('keeps numbers only where they are numbers', () => {
		const [read] = previousRowsOf([{ biomarker: 'TSH', value: '6.8', unit: 5 }]) as ReturnType<
			typeof thyroidPanel
		>['rows'];
		expect(read).toMatchObject({ biomarker: 'TSH', value: null, unit: null, code: null });
	});
});

describe('withMessages', () => {
	it('leaves the results as they are when nothing is asked', () => {
		const results = thyroidPanel();
		expect(withMessages(results, {})).toBe(results);
		expect(withMessages(results, { includeMessages: [] })).toBe(results);
		const pending = pendingResults('not yet');
		expect(withMessages(pending, { includeMessages: ['html'] })).toBe(pending);
	});

	it('adds the change to each row that has a previous number, null to the rest', () => {
		const compared = withMessages(thyroidPanel(), {
			previous: [
				row('TSH', 7.1, 'high', { code: 'TSH', codeSystem: 'LML' }),
				row('vitamin d', 31, 'low'),
			],
		});
		if (!compared.ready) throw new Error('not ready');
		expect(
			compared.rows.map(({ biomarker, previousValue, change }) => [
				biomarker,
				previousValue,
				change,
			]),
		).toEqual([
			['Free T4', null, null],
			['TSH', 7.1, -0.3],
			['Vitamin D', 31, 0],
			['Ferritin', null, null],
		]);
		expect(compared).not.toHaveProperty('html');
	});

	it('uses the title given, the default otherwise', () => {
		const titled = withMessages(thyroidPanel(), {
			includeMessages: ['html', 'slackBlocks'],
			messageTitle: 'Order 7',
		});
		expect(titled.html).toContain('>Order 7</div>');
		expect(JSON.stringify(titled.slackBlocks)).toContain('🧪 Order 7: ');
		expect(
			withMessages(thyroidPanel(), { includeMessages: ['html'], messageTitle: '' }).html,
		).toContain('>Lab results</div>');
	});
});

describe('withMessagesInEnrichment', () => {
	it('adds the messages to fetched results, and leaves other fetched data alone', () => {
		const json = { test: { id: 't' }, results: thyroidPanel() };
		const enriched = withMessagesInEnrichment(json, { includeMessages: ['slackBlocks'] });
		expect(enriched.test).toBe(json.test);
		expect(enriched.results).toHaveProperty('slackBlocks');
		expect(json.results).not.toHaveProperty('slackBlocks');
		const order = { order: { id: 'o' } };
		expect(withMessagesInEnrichment(order, { includeMessages: ['html'] })).toBe(order);
	});
});
