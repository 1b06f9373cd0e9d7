import { requestsReceivedBy } from '../../dev/fakes/fakeServer';
import { JUNCTION_SAMPLE_IDS } from '../../dev/fakes/junction/samples';
import { EditorSession, until, WorkflowEditor } from './editorPage';
import { editor } from './environment';
import { credentialIdOf, JUNCTION } from './fixtures';

/**
 * A resource locator in the editor: Lab Test › Get's Lab Test is picked from the searchable list (the
 * node's listSearch, which asks Junction by name), and the step runs with the lab test picked.
 */
const state = editor();
let session: EditorSession;

beforeAll(async () => {
	session = await EditorSession.start(state);
});

afterAll(async () => {
	await session?.close();
});

test('Junction "Get a lab test": the lab test is picked from the list, searched by name at Junction', async () => {
	await session.run('junction lab test from the list', async (page) => {
		const workflow = new WorkflowEditor(page);
		await workflow.newWorkflow();
		await workflow.addNode(JUNCTION.search, JUNCTION.creatorName, 'Get a lab test');
		await workflow.selectCredential(credentialIdOf(JUNCTION.credential), JUNCTION.credential);

		const locator = page.getByTestId('ndv').getByTestId('resource-locator-labTest');
		await locator.getByTestId('rlc-input').click();
		// The list opens in a popover outside the parameter; it is the only one on the page.
		const items = page.getByTestId('rlc-item');
		// The first page of the list, before any search.
		await items.first().waitFor();
		expect(await items.count()).toBeGreaterThan(1);
		const before = (await requestsReceivedBy(state.fakes.junction)).length;
		await page.getByTestId('rlc-search').fill('wellness');
		const item = items.filter({ hasText: 'Female General Wellness' });
		await until(
			'the list to show only what the search found',
			async () => (await items.count()) === 1,
		);
		const searches = (await requestsReceivedBy(state.fakes.junction))
			.slice(before)
			.filter((request) => request.path === '/v3/lab_test');
		expect(searches.map((request) => request.query.name)).toContain('wellness');
		await item.click();
		expect(await locator.getByTestId('rlc-input').inputValue()).toBe(
			'Female General Wellness (testkit)',
		);

		await workflow.executeStep();
		const output = await workflow.outputTable();
		expect(output.itemCount).toBe('1 item');
		expect(output.firstRow).toMatchObject({
			id: JUNCTION_SAMPLE_IDS.labTestId,
			name: 'Female General Wellness',
		});
	});
});
