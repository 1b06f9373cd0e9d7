/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { selectors, type Locator, type Page } from 'playwright-core';

import { launchChromium, type LaunchedChromium } from '../../dev/n8n/browser';
import type { EditorState } from './environment';

/**
 * n8n 2.41.1's editor, driven as a user does: the selectors are the `data-test-id` attributes of the
 * editor's own components (read from its bundle) or visible texts. Every wait is bounded.
 */

/** n8n's components carry `data-test-id`, not Playwright's default `data-testid`. */
selectors.setTestIdAttribute('data-test-id');

/** Bound on one editor step (a panel opening, a run finishing); far above what any step takes. */
const STEP_TIMEOUT_MS = 20_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * One Chromium per test file, logged in once, with one page that the file's tests share: loading the
 * editor takes 6-9 s on a 2-core machine, moving around inside it well under one, so each test starts
 * from wherever the last one left off and gets there through the editor's own menus. A failed test's
 * page is reloaded before the next one.
 */
export class EditorSession {
	private readonly consoleLines: string[] = [];

	private constructor(
		private readonly chromium: LaunchedChromium,
		readonly page: Page,
		readonly state: EditorState,
	) {}

	get baseUrl(): string {
		return this.state.n8n.baseUrl;
	}

	static async start(state: EditorState): Promise<EditorSession> {
		const chromium = await launchChromium({ executablePath: state.chromium });
		try {
			const { context } = chromium;
			context.setDefaultTimeout(STEP_TIMEOUT_MS);
			// Loopback only: the editor asks the npm registry about community packages, for one.
			await context.route('**/*', async (route) => {
				const url = new URL(route.request().url());
				if (url.protocol === 'data:' || LOOPBACK_HOSTS.has(url.hostname)) await route.continue();
				else await route.abort('blockedbyclient');
			});
			const session = new EditorSession(chromium, await context.newPage(), state);
			context.on('console', (message) =>
				session.consoleLines.push(`[${message.type()}] ${message.text()}`),
			);
			context.on('weberror', (error) =>
				session.consoleLines.push(`[page error] ${error.error().message}`),
			);
			await session.logIn();
			return session;
		} catch (error) {
			await chromium.close();
			throw error;
		}
	}

	/** Through the sign-in form: n8n ties its session cookie to the browser, so no shortcut via the API. */
	private async logIn(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page
			.locator('input[name="emailOrLdapLoginId"], input[type="email"]')
			.first()
			.fill(this.state.owner.email);
		await this.page.locator('input[type="password"]').first().fill(this.state.owner.password);
		await this.page.keyboard.press('Enter');
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
		await this.page.getByTestId('universal-add').waitFor({ timeout: 30_000 });
	}

	/**
	 * Runs a test's steps on the shared page, after closing whatever the last test left open. On
	 * failure it saves a screenshot, the page's HTML and the browser console into a new temporary
	 * folder, prints its path, fails with the path in the message, and reloads the editor.
	 */
	async run(name: string, steps: (page: Page) => Promise<void>): Promise<void> {
		const consoleFrom = this.consoleLines.length;
		try {
			await this.closeOverlays();
			await steps(this.page);
		} catch (error) {
			const folder = await this.saveFailure(name, consoleFrom).catch(
				(saveError: Error) => `(could not save the failure: ${saveError.message})`,
			);
			process.stderr.write(`editor: "${name}" failed; screenshot and console in ${folder}\n`);
			if (error instanceof Error) {
				error.message = `${error.message}\n\nScreenshot and browser console: ${folder}`;
			}
			await this.page
				.goto(`${this.baseUrl}/home/workflows`)
				.then(async () => await this.page.getByTestId('universal-add').waitFor({ timeout: 30_000 }))
				.catch(() => undefined);
			throw error;
		}
	}

	/** Closes the NDV or a dialog (Escape, as a user would), bounded. */
	private async closeOverlays(): Promise<void> {
		const overlays = this.page
			.getByTestId('ndv')
			.or(this.page.getByTestId('credential-edit-dialog'))
			.or(this.page.getByTestId('node-creator'));
		for (let attempt = 0; attempt < 5 && (await overlays.first().isVisible()); attempt++) {
			await this.page.keyboard.press('Escape');
			await overlays
				.first()
				.waitFor({ state: 'hidden', timeout: 2_000 })
				.catch(() => undefined);
		}
		if (await overlays.first().isVisible())
			throw new Error('Could not close the open panel or dialog');
	}

	private async saveFailure(name: string, consoleFrom: number): Promise<string> {
		const slug = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
		const folder = mkdtempSync(join(tmpdir(), `lab-testing-editor-${slug}-`));
		writeFileSync(
			join(folder, 'console.log'),
			`${this.page.url()}\n\n${this.consoleLines.slice(consoleFrom).join('\n')}\n`,
		);
		await this.page.screenshot({
			path: join(folder, 'screenshot.png'),
			fullPage: true,
			timeout: 10_000,
		});
		writeFileSync(join(folder, 'page.html'), await this.page.content());
		return folder;
	}

	/** Opens a credential's dialog from the Overview's Credentials tab. */
	async openCredential(name: string): Promise<Locator> {
		await this.page.getByTestId('project-home-menu-item').click();
		await this.page.getByTestId('tab-CredentialsView').click();
		await this.page.getByText(name, { exact: true }).click();
		const dialog = this.page.getByTestId('credential-edit-dialog');
		await dialog.waitFor();
		return dialog;
	}

	async close(): Promise<void> {
		await this.chromium.close();
	}
}

/** A workflow open in the editor, and its node details view (NDV). */
export class WorkflowEditor {
	constructor(readonly page: Page) {}

	get ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	get output(): Locator {
		return this.ndv.getByTestId('output-panel');
	}

	/** The open workflow's id, from the editor's URL. */
	workflowId(): string {
		const id = /\/workflow\/([^/?#]+)/.exec(this.page.url())?.[1];
		if (!id) throw new Error(`No workflow open at ${this.page.url()}`);
		return id;
	}

	/** A new, empty workflow, from the sidebar's "+" menu (n8n 2.41.1 creates it right away). */
	async newWorkflow(): Promise<void> {
		const before = this.page.url();
		await this.page.getByTestId('universal-add').click();
		await this.page
			.getByTestId('navigation-menu-item')
			.filter({ hasText: 'New workflow' })
			.first()
			.click();
		await until('the new workflow to open', async () => {
			const url = this.page.url();
			return url !== before && /\/workflow\/[^/?]+/.test(url);
		});
		await this.page.getByTestId('canvas-add-button').waitFor();
	}

	/**
	 * Adds a node as a user does: the canvas's "+", the node creator's search, the node, then one of
	 * its triggers ("On all events") or actions ("Get many orders"). The NDV opens on the new node; an
	 * action on an empty canvas comes with a Manual Trigger before it.
	 */
	async addNode(search: string, nodeName: RegExp, entry: string): Promise<void> {
		await this.page.getByTestId('canvas-add-button').click();
		const creator = this.page.getByTestId('node-creator');
		await creator.getByTestId('node-creator-search-bar').fill(search);
		await creator
			.getByTestId('node-creator-item-name')
			.filter({ hasText: nodeName })
			.first()
			.click();
		// The node's page lists its triggers (open) and its actions (folded).
		await creator.getByText(/^Triggers \(\d+\)$/).waitFor();
		const item = creator.getByText(entry, { exact: true });
		if (!(await item.isVisible())) await creator.getByText(/^Actions \(\d+\)$/).click();
		await item.click();
		await this.ndv.waitFor();
	}

	/**
	 * Picks a credential in the NDV's credential select (n8n preselects the latest of the type). A node
	 * with two credentials has a select for each: `slotLabel` names the one to use, as its label reads.
	 */
	async selectCredential(credentialId: string, name: string, slotLabel?: string): Promise<void> {
		const slot = slotLabel
			? this.ndv.getByTestId('node-credentials-slot').filter({
					has: this.page.getByTestId('credentials-label').getByText(slotLabel, { exact: true }),
				})
			: this.ndv;
		const select = slot.getByTestId('node-credentials-select').getByRole('combobox');
		await select.click();
		await this.page.getByTestId(`node-credentials-select-item-${credentialId}`).click();
		await until(
			`the credential select to show "${name}"`,
			async () => (await select.inputValue()) === name,
		);
	}

	/** The test or production URL the NDV shows under "Webhook URLs". */
	async webhookUrl(kind: 'test' | 'production'): Promise<string> {
		await this.ndv.getByTitle('Click to display webhook URLs').click();
		await this.ndv.getByTestId(`radio-button-${kind}`).click();
		const path = kind === 'test' ? 'webhook-test' : 'webhook';
		const url = (
			await this.ndv
				.getByText(new RegExp(`/${path}/`))
				.first()
				.innerText()
		).trim();
		if (!new RegExp(`^http://127\\.0\\.0\\.1:\\d+/${path}/\\S+$`).test(url))
			throw new Error(`The NDV shows an unexpected ${kind} URL: "${url}"`);
		return url;
	}

	/**
	 * Chooses an option of an options parameter, or adds one to a multi-options parameter, from the
	 * parameter's dropdown (an option's accessible name is its name followed by its description);
	 * Escape then closes the dropdown (not the NDV).
	 */
	async chooseOption(parameter: string, option: RegExp): Promise<void> {
		await this.ndv.getByTestId(`parameter-input-${parameter}`).click();
		await this.page.getByRole('option', { name: option }).click();
		await this.page.keyboard.press('Escape');
		await this.ndv.waitFor();
	}

	/**
	 * The trigger panel's own button: n8n 2.41.1 labels it "Execute step" (its compact form says
	 * "Listen for test event"); the panel then says "Listening for test event" once n8n has
	 * registered the test webhook.
	 */
	async listenForTestEvent(): Promise<void> {
		await this.ndv.getByTestId('trigger-execute-button').click();
		await this.listening().waitFor();
	}

	listening(): Locator {
		return this.ndv.getByText('Listening for test event', { exact: true });
	}

	/** The NDV's "Execute step" button, above the parameters. */
	async executeStep(): Promise<void> {
		await this.ndv.getByTestId('node-execute-button').click();
	}

	/**
	 * Waits for the output panel to show items, then reads them as its table shows them. Fails with
	 * the node's error when the panel shows one instead.
	 */
	async outputTable(): Promise<OutputTable> {
		const count = this.output.getByTestId('ndv-items-count');
		const error = this.output.getByTestId('node-error-message');
		await count.or(error).first().waitFor({ timeout: 30_000 });
		if (await error.isVisible()) {
			const description = this.output.getByTestId('node-error-description');
			const details = (await description.isVisible()) ? ` (${await description.innerText()})` : '';
			throw new Error(`The output panel shows an error: ${await error.innerText()}${details}`);
		}
		await this.output.getByTestId('radio-button-table').click();
		const table = this.output.locator('table').first();
		await table.waitFor();
		const headers = (await table.locator('thead th').allInnerTexts()).map((text) => text.trim());
		const cells = (await table.locator('tbody tr').first().locator('td').allInnerTexts()).map(
			(text) => text.trim(),
		);
		return {
			itemCount: (await count.innerText()).trim(),
			firstRow: Object.fromEntries(headers.map((header, index) => [header, cells[index]])),
		};
	}

	/** The header's publish button as it reads: "Publish", or "Published" once the workflow is. */
	async publishButtonText(): Promise<string> {
		return (await this.page.getByTestId('workflow-open-publish-modal-button').innerText()).trim();
	}

	/**
	 * Publishes the workflow as a user does in n8n 2.41.1: the NDV closed, the header's "Publish", the
	 * dialog's "Publish" (it proposes a version name), then "Got it" on n8n's "Workflow published"
	 * notice. Returns once the header says "Published".
	 */
	async publish(): Promise<void> {
		await this.closeNdv();
		await this.page.getByTestId('workflow-open-publish-modal-button').click();
		await this.page.getByTestId('workflow-publish-button').click();
		await this.page.getByRole('button', { name: 'Got it', exact: true }).click();
		await until(
			'the header to say "Published"',
			async () => (await this.publishButtonText()) === 'Published',
		);
	}

	/** Unpublishes through the header's version menu and its confirmation; returns once it says "Publish". */
	async unpublish(): Promise<void> {
		await this.page.getByTestId('version-menu-button').click();
		await this.page.getByTestId('version-menu-item-unpublish').click();
		const dialog = this.page.getByTestId('workflow-history-version-unpublish-modal');
		await dialog.getByRole('button', { name: 'Unpublish', exact: true }).click();
		await dialog.waitFor({ state: 'hidden' });
		await until(
			'the header to say "Publish"',
			async () => (await this.publishButtonText()) === 'Publish',
		);
	}

	/** Closes the NDV with Escape, as a user would. */
	async closeNdv(): Promise<void> {
		if (!(await this.ndv.isVisible())) return;
		await this.page.keyboard.press('Escape');
		await this.ndv.waitFor({ state: 'hidden' });
	}
}

export interface OutputTable {
	/** As the panel says it, e.g. "1 item", "50 items". */
	itemCount: string;
	/** The first row of the table view: column header → cell text. */
	firstRow: Record<string, string | undefined>;
}

/** Polls `check` until it holds, for at most `timeoutMs`; fails naming what it waited for. */
export async function until(
	what: string,
	check: () => Promise<boolean>,
	timeoutMs = STEP_TIMEOUT_MS,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
