import { requestsReceivedBy } from '../../dev/fakes/fakeServer';
import { JUNCTION_SAMPLE_IDS } from '../../dev/fakes/junction/samples';
import { EditorSession, WorkflowEditor } from './editorPage';
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
		const dropdown = page.getByTestId('resource-locator-dropdown').filter({ visible: true });
		// The first page of the list, before any search.
		await dropdown.getByTestId('rlc-item').first().waitFor();
		const before = (await requestsReceivedBy(state.fakes.junction)).length;
		await dropdown.getByTestId('rlc-search').locator('input').fill('wellness');
		const item = dropdown.getByTestId('rlc-item').filter({ hasText: 'Female General Wellness' });
		await item.waitFor();
		expect(await dropdown.getByTestId('rlc-item').count()).toBe(1);
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
