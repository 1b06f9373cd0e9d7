import type { Locator, Page, Response } from 'playwright-core';

import { requestsReceivedBy } from '../../dev/fakes/fakeServer';
import { hurdleFakeData } from '../../dev/fakes/hurdle/api';
import { junctionFakeData } from '../../dev/fakes/junction/api';
import { lmlFakeData } from '../../dev/fakes/londonMedicalLaboratory/api';
import { EditorSession, WorkflowEditor } from './editorPage';
import { editor } from './environment';
import { credentialIdOf, HURDLE, JUNCTION, LML, type ProviderFixture } from './fixtures';

/**
 * Each action node's first run in the editor: one operation's "Execute step" shows the fake API's
 * items in the output panel. And each credential's test in its editing dialog: n8n tests a credential
 * when the dialog opens, and its "Retry" button (n8n 2.41.1 has no button labelled "Test") tests it
 * again; it succeeds with the key the fake accepts and, with a key it refuses (401), says what to
 * check (the credential's `test.rules`). "Save" tests the key just typed in the dialog the same way.
 */
const state = editor();

interface ActionCase {
	fixture: ProviderFixture;
	/** The operation as the node creator lists it; its defaults need no further parameter. */
	operation: string;
	/** The first row of the output table, from the fake's own data. */
	expected: Record<string, string>;
}

const cases: ActionCase[] = [
	{
		fixture: LML,
		operation: 'Get many orders',
		expected: { id: String(lmlFakeData().orders[0].id) },
	},
	{
		fixture: HURDLE,
		operation: 'Get many products',
		expected: { productCode: String(hurdleFakeData().products[0].productCode) },
	},
	{
		fixture: JUNCTION,
		operation: 'Get many lab tests',
		expected: { id: String(junctionFakeData().labTests[0].id) },
	},
];

let session: EditorSession;

beforeAll(async () => {
	session = await EditorSession.start(state);
});

afterAll(async () => {
	await session?.close();
});

describe.each(cases)('$fixture.provider action node in the editor', (actionCase) => {
	const { fixture } = actionCase;

	test(`"${actionCase.operation}": "Execute step" shows the fake API's items in the output panel`, async () => {
		await session.run(`${fixture.provider} action execute step`, async (page) => {
			const workflow = new WorkflowEditor(page);
			await workflow.newWorkflow();
			await workflow.addNode(fixture.search, fixture.creatorName, actionCase.operation);
			await workflow.selectCredential(credentialIdOf(fixture.credential), fixture.credential);
			await workflow.executeStep();

			const output = await workflow.outputTable();
			expect(output.itemCount).toMatch(/^\d+ items$/);
			expect(Number.parseInt(output.itemCount, 10)).toBeGreaterThan(1);
			expect(output.firstRow).toMatchObject(actionCase.expected);
		});
	});
});

describe.each([LML, HURDLE, JUNCTION])('$provider credential in the editor', (fixture) => {
	test('"Retry" (the credential test) with the right key: "Connection tested successfully"', async () => {
		await session.run(`${fixture.provider} credential test, right key`, async (page) => {
			const { dialog, result, requests } = await testCredential(page, fixture, fixture.credential);
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			// The test reached the provider (the fake), with the key it accepts.
			expect(requests).toEqual([{ path: fixture.credentialTestPath, key: 'accepted' }]);
			await dialog.getByTestId('credentials-config-container-test-success').waitFor();
			expect(await dialog.getByText('Connection tested successfully').isVisible()).toBe(true);
		});
	});

	test('"Retry" (the credential test) with a revoked key: the dialog says the key was refused and what to check', async () => {
		await session.run(`${fixture.provider} credential test, wrong key`, async (page) => {
			const { dialog, result, requests } = await testCredential(
				page,
				fixture,
				fixture.wrongKeyCredential,
			);
			// The credential's rule for 401, not n8n's default of the HTTP status text ("Unauthorized").
			expect(result).toEqual({ status: 'Error', message: fixture.refusedKeyMessage });
			// n8n sends a request that got 401 once more (after its pre-authentication hook): one or two.
			expect(requests.length).toBeGreaterThan(0);
			expect(requests).toEqual(
				requests.map(() => ({ path: fixture.credentialTestPath, key: 'refused' })),
			);
			await dialog.getByText('Couldn’t connect with these settings').waitFor();
			expect(
				await dialog.getByTestId('credentials-config-container-test-success').isVisible(),
			).toBe(false);
			await dialog.getByText('More details').click();
			await dialog.getByText(fixture.refusedKeyMessage, { exact: true }).waitFor();
		});
	});

	test('a revoked key typed in the dialog and "Save": the dialog says the key was refused and what to check; the right key and "Save": "Connection tested successfully"', async () => {
		await session.run(`${fixture.provider} credential typed key, save`, async (page) => {
			const dialog = await session.openCredential(fixture.editedCredential);
			// n8n tests the credential as the dialog opens (it holds the accepted key); wait for that.
			await dialog.getByRole('button', { name: 'Retry' }).waitFor();

			const refused = await saveKey(page, dialog, fixture, 'wrong');
			expect(refused.result).toEqual({ status: 'Error', message: fixture.refusedKeyMessage });
			expect(refused.requests.length).toBeGreaterThan(0);
			expect(refused.requests).toEqual(
				refused.requests.map(() => ({ path: fixture.credentialTestPath, key: 'refused' })),
			);
			await dialog.getByText('Couldn’t connect with these settings').waitFor();
			await dialog.getByText('More details').click();
			await dialog.getByText(fixture.refusedKeyMessage, { exact: true }).waitFor();

			const accepted = await saveKey(page, dialog, fixture, 'right');
			expect(accepted.result).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(accepted.requests).toEqual([{ path: fixture.credentialTestPath, key: 'accepted' }]);
			await dialog.getByTestId('credentials-config-container-test-success').waitFor();
			expect(await dialog.getByText('Connection tested successfully').isVisible()).toBe(true);
			expect(await dialog.getByText(fixture.refusedKeyMessage).isVisible()).toBe(false);
		});
	});
});

interface CredentialTestOutcome {
	dialog: Locator;
	/** What n8n's credential test endpoint answered the editor. */
	result: unknown;
	/** The requests the test sent to the fake, and whether they carried the key the fake accepts. */
	requests: Array<{ path: string; key: 'accepted' | 'refused' }>;
}

/**
 * Opens the credential from the Overview's Credentials tab, waits for the result of the test n8n runs
 * when the dialog opens, then clicks the dialog's "Retry" and returns what that test answered and sent.
 */
async function testCredential(
	page: Page,
	fixture: ProviderFixture,
	name: string,
): Promise<CredentialTestOutcome> {
	const fakeUrl = state.fakes[fixture.provider];
	const dialog = await session.openCredential(name);
	// n8n tests the credential as the dialog opens; "Retry" shows with the result.
	const retry = dialog.getByRole('button', { name: 'Retry' });
	await retry.waitFor();

	const before = (await requestsReceivedBy(fakeUrl)).length;
	const [response] = await Promise.all([page.waitForResponse(isCredentialTest), retry.click()]);
	const result = ((await response.json()) as { data?: unknown }).data;
	const sent = (await requestsReceivedBy(fakeUrl)).slice(before);
	return {
		dialog,
		result,
		requests: sent.map((request) => sentKey(fixture, request)),
	};
}

/**
 * Types the accepted or a refused key (the fixture's) into the open credential dialog's key field and
 * clicks "Save"; n8n saves, then tests the credential. Returns what that test answered and sent.
 */
async function saveKey(
	page: Page,
	dialog: Locator,
	fixture: ProviderFixture,
	key: 'right' | 'wrong',
): Promise<Omit<CredentialTestOutcome, 'dialog'>> {
	const fakeUrl = state.fakes[fixture.provider];
	await dialog
		.getByTestId(`parameter-input-${keyField(fixture)}`)
		.locator('input')
		.fill(fixture.keys[key]);
	const before = (await requestsReceivedBy(fakeUrl)).length;
	const [response] = await Promise.all([
		page.waitForResponse(isCredentialTest),
		// The dialog's header, with "Save", is outside the element that carries the dialog's test id.
		page.getByTestId('credential-save-button').click(),
	]);
	const result = ((await response.json()) as { data?: unknown }).data;
	const sent = (await requestsReceivedBy(fakeUrl)).slice(before);
	return { result, requests: sent.map((request) => sentKey(fixture, request)) };
}

function sentKey(
	fixture: ProviderFixture,
	request: { path: string; headers: Record<string, unknown> },
): { path: string; key: 'accepted' | 'refused' } {
	return {
		path: request.path,
		key: String(request.headers[fixture.keyHeader]).endsWith(fixture.keys.right)
			? 'accepted'
			: 'refused',
	};
}

/** The credential field that holds the API key: LML calls it a token. */
function keyField(fixture: ProviderFixture): string {
	return fixture.provider === 'londonMedicalLaboratory' ? 'apiToken' : 'apiKey';
}

function isCredentialTest(response: Response): boolean {
	return (
		response.request().method() === 'POST' && response.url().endsWith('/rest/credentials/test')
	);
}
