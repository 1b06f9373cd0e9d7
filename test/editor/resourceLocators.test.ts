import type { Locator } from 'playwright-core';

import { requestsReceivedBy } from '../../dev/fakes/fakeServer';
import { hurdleFakeData } from '../../dev/fakes/hurdle/api';
import { lmlFakeData } from '../../dev/fakes/londonMedicalLaboratory/api';
import { EditorSession, until, WorkflowEditor } from './editorPage';
import { editor } from './environment';
import { credentialIdOf, HURDLE, LML } from './fixtures';

/**
 * The searchable lists of the action nodes' resource locators, as a user meets them in the NDV: the
 * list opens with the fake API's records, a search narrows it, a pick fills the parameter (and, for
 * LML's shipping methods, decides what the next list holds).
 */
const state = editor();
const lml = lmlFakeData();
const hurdle = hurdleFakeData();
const [thyroid] = lml.products;

let session: EditorSession;

beforeAll(async () => {
	session = await EditorSession.start(state);
});

afterAll(async () => {
	await session?.close();
});

/** Opens the list of a resource locator parameter; returns its dropdown. */
async function openList(workflow: WorkflowEditor, parameter: string): Promise<Locator> {
	const locator = workflow.ndv.getByTestId(`resource-locator-${parameter}`);
	await locator.getByTestId('rlc-input').click();
	// n8n 2.41.1 shows the list in a popover: its search box and its items carry the test ids.
	const dropdown = workflow.page
		.getByRole('dialog')
		.filter({ has: workflow.page.getByTestId('rlc-search') });
	await dropdown.getByTestId('rlc-item').first().waitFor();
	return dropdown;
}

async function itemNames(dropdown: Locator): Promise<string[]> {
	return (await dropdown.getByTestId('rlc-item').allInnerTexts()).map((text) => text.trim());
}

async function search(dropdown: Locator, text: string, expected: number): Promise<string[]> {
	await dropdown.getByTestId('rlc-search').fill(text);
	let names: string[] = [];
	await until(`the list to narrow to ${expected}`, async () => {
		names = await itemNames(dropdown);
		return names.length === expected;
	});
	return names;
}

describe('resource locators in the editor', () => {
	test('LML "Get a product": the product picked from the searchable list is the one "Execute step" gets', async () => {
		await session.run('LML product from the list', async (page) => {
			const workflow = new WorkflowEditor(page);
			await workflow.newWorkflow();
			await workflow.addNode(LML.search, LML.creatorName, 'Get a product');
			await workflow.selectCredential(credentialIdOf(LML.credential), LML.credential);

			const dropdown = await openList(workflow, 'product');
			const all = await itemNames(dropdown);
			expect(all).toHaveLength(lml.products.length);
			expect(all[1]).toBe(`${String(lml.products[1].name)} (${String(lml.products[1].sku)})`);
			const found = await search(dropdown, 'thyroid', 1);
			expect(found).toEqual(['Advanced Thyroid Function (LML-THY-ADV)']);
			const searched = (await requestsReceivedBy(state.fakes.londonMedicalLaboratory)).filter(
				(request) => request.path === '/api/product/' && request.query.search === 'thyroid',
			);
			expect(searched.length).toBeGreaterThan(0);
			await dropdown.getByTestId('rlc-item').first().click();
			const input = workflow.ndv.getByTestId('resource-locator-product').getByTestId('rlc-input');
			await until('the parameter to show the pick', async () =>
				(await input.inputValue()).includes('Advanced Thyroid Function'),
			);

			await workflow.executeStep();
			const output = await workflow.outputTable();
			expect(output.itemCount).toBe('1 item');
			expect(output.firstRow).toMatchObject({ id: String(thyroid.id), sku: 'LML-THY-ADV' });
		});
	});

	test('LML "Create an order": the shipping methods listed are the picked product\'s', async () => {
		await session.run('LML shipping methods of the product', async (page) => {
			const workflow = new WorkflowEditor(page);
			await workflow.newWorkflow();
			await workflow.addNode(LML.search, LML.creatorName, 'Create an order');
			await workflow.selectCredential(credentialIdOf(LML.credential), LML.credential);

			const products = await openList(workflow, 'product');
			await search(products, 'thyroid', 1);
			await products.getByTestId('rlc-item').first().click();
			const shipping = await openList(workflow, 'shippingMethod');
			expect(await itemNames(shipping)).toEqual([
				'Royal Mail Tracked 24 · home_kit · 3.95',
				'Walk-in clinic · walk_in · 0.00',
			]);
			const shippingRequests = (await requestsReceivedBy(state.fakes.londonMedicalLaboratory))
				.map((request) => request.path)
				.filter((path) => path.endsWith('/shipping'));
			expect(shippingRequests.at(-1)).toBe(`/api/product/${String(thyroid.id)}/shipping`);
		});
	});

	test('Hurdle "Create an order": the product is picked from the list of product names and codes', async () => {
		await session.run('Hurdle product from the list', async (page) => {
			const workflow = new WorkflowEditor(page);
			await workflow.newWorkflow();
			await workflow.addNode(HURDLE.search, HURDLE.creatorName, 'Create an order');
			await workflow.selectCredential(credentialIdOf(HURDLE.credential), HURDLE.credential);

			const dropdown = await openList(workflow, 'productCode');
			expect((await itemNames(dropdown))[0]).toBe(
				`${String(hurdle.products[0].name)} (${String(hurdle.products[0].productCode)})`,
			);
			const [found] = await search(dropdown, 'Blood Test 150', 1);
			expect(found).toBe('Blood Test 150 (C1BLP20150)');
			await dropdown.getByTestId('rlc-item').first().click();
			const input = workflow.ndv
				.getByTestId('resource-locator-productCode')
				.getByTestId('rlc-input');
			await until('the parameter to show the pick', async () =>
				(await input.inputValue()).includes('Blood Test 150'),
			);
		});
	});
});
