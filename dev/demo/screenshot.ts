/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a command-line tool: it runs in Node, not inside n8n */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';

import { capturedMessages, type CapturedMessage } from '../fakes/capture';
import { resultSamples } from '../fakes/resultSamples';
import { sendEvent } from '../fakes/sender';
import { launchChromium, type LaunchedChromium } from '../n8n/browser';
import { resultsHtml } from '../../nodes/shared/resultsForPeople/html';
import { startDemoEnvironment, type DemoEnvironment } from './environment';
import { LOCAL_WEBHOOK_SECRETS, loadExamples } from './examples';
import { emailPage, slackPage } from './resultPictures';
import { repoRoot } from '../n8n/runtime';
import { DEMO_STORY, playStory } from './story';

/**
 * `npm run screenshot`: the README's screenshots, taken in headless Chromium (the binary inside the
 * @sparticuz/chromium dev dependency, or CHROMIUM_PATH) against the demo's n8n, after the demo story
 * has run.
 */
const OUTPUT_DIR = join(repoRoot, 'docs', 'screenshots');
const say = (text: string) => process.stdout.write(`screenshot: ${text}\n`);

async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(email);
	await page.locator('input[type="password"]').first().fill(password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

async function openWorkflow(page: Page, baseUrl: string, workflowId: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	await page.locator('.vue-flow__node').first().waitFor({ timeout: 30_000 });
	// Let the canvas fit the view and any entrance animation finish.
	await page.waitForTimeout(1500);
	await page.keyboard.press('Escape');
}

/** A page of our own (an email, a Slack message) as a picture of its `selector` element. */
async function shootPage(
	context: BrowserContext,
	html: string,
	selector: string,
	file: string,
): Promise<void> {
	const page = await context.newPage();
	try {
		await page.setViewportSize({ width: 780, height: 900 });
		await page.setContent(html, { waitUntil: 'load' });
		mkdirSync(join(OUTPUT_DIR, file, '..'), { recursive: true });
		await page.locator(selector).screenshot({ path: join(OUTPUT_DIR, file) });
		say(`saved docs/screenshots/${file}`);
	} finally {
		await page.close();
	}
}

/** The email and the Slack message the results workflow sent for Junction's results (critical, high, low). */
async function shootMessages(context: BrowserContext, messages: CapturedMessage[]): Promise<void> {
	const junction = (message: CapturedMessage) => message.text.includes('Junction order');
	const email = messages.find(
		(message) =>
			message.channel === 'email' &&
			message.to === 'lab-team@example.com' &&
			message.html &&
			message.subject?.includes('Junction order'),
	);
	const slack = messages.find(
		(message) =>
			message.channel === 'slack' &&
			message.to === '#lab-results' &&
			message.blocks &&
			junction(message),
	);
	if (!email?.html || !slack)
		throw new Error('The results workflow sent no Junction email or Slack message');
	await shootPage(
		context,
		emailPage(email.html, email.subject, email.to),
		'#mail',
		'results-email.png',
	);
	await shootPage(context, slackPage(slack, slack.to), '#slack', 'results-slack.png');
}

/** The email HTML of every result sample of every provider. */
async function shootSamples(context: BrowserContext): Promise<void> {
	for (const sample of resultSamples()) {
		const html = resultsHtml(sample.results, { title: sample.name });
		const file = `results/${sample.name.replace(/\//g, '-')}.png`;
		await shootPage(context, emailPage(html, sample.description), '#mail', file);
	}
}

/**
 * A trigger as a user tests it: in the example as imported, the Junction trigger listens for a test
 * event, the sample of a completed order arrives at its test URL, and the output panel shows the item
 * with its fetched results.
 */
async function shootTriggerWithEvent(
	page: Page,
	baseUrl: string,
	workflowId: string,
): Promise<void> {
	const example = loadExamples().find(({ file }) => file === 'results-to-the-team.json')!.json;
	const trigger = example.nodes.find((node) => node.name === 'Junction results ready')!;
	await openWorkflow(page, baseUrl, workflowId);
	await page.locator('.vue-flow__node', { hasText: trigger.name }).first().dblclick();
	const ndv = page.locator('[data-test-id="ndv"]').first();
	await ndv.waitFor({ timeout: 15_000 });
	await ndv.locator('[data-test-id="trigger-execute-button"]').click();
	await ndv.getByText('Listening for test event', { exact: true }).waitFor({ timeout: 15_000 });
	const answer = await sendEvent(
		'junction',
		'labtest.order.updated',
		`${baseUrl}/webhook-test/${trigger.webhookId}/webhook`,
		{
			secret: LOCAL_WEBHOOK_SECRETS.junction,
			overrides: { status: 'completed' },
		},
	);
	if (answer.status !== 200) throw new Error(`The test URL answered ${answer.status}`);
	await ndv.locator('[data-test-id="ndv-items-count"]').first().waitFor({ timeout: 30_000 });
	// The JSON view shows the item as it arrives, fetched results included; the toast and tooltip go.
	await ndv.locator('[data-test-id="radio-button-json"]').first().click();
	await page.mouse.move(10, 10);
	await page
		.getByText('Node executed successfully')
		.waitFor({ state: 'hidden', timeout: 10_000 })
		.catch(() => undefined);
	await page.waitForTimeout(1000);
	await page.screenshot({ path: join(OUTPUT_DIR, 'trigger-test-event.png') });
	say('saved docs/screenshots/trigger-test-event.png');
	await page.keyboard.press('Escape');
}

async function main(): Promise<number> {
	mkdirSync(OUTPUT_DIR, { recursive: true });
	let environment: DemoEnvironment | undefined;
	let chromium: LaunchedChromium | undefined;
	try {
		chromium = await launchChromium({ viewport: { width: 1440, height: 860 } });
		// The canvas shot shows the example exactly as a user imports it (Slack node and all), unpublished.
		const example = loadExamples().find(({ file }) => file === 'results-to-the-team.json')!.json;
		const asImported = { ...example, id: 'readmeResultsExample', active: false };
		const slack = {
			id: 'labTestingSlackCre',
			name: 'Slack account',
			type: 'slackApi',
			data: { accessToken: 'placeholder-not-a-token' },
		};
		environment = await startDemoEnvironment(say, {
			credentials: [slack],
			workflows: [asImported],
		});
		const { n8n, workflows } = environment;
		say('playing the demo story, so the workflows have executions to show');
		await playStory(n8n.client, workflows, DEMO_STORY);
		const page = await chromium.context.newPage();
		await logIn(page, n8n.client.baseUrl, n8n.owner.email, n8n.owner.password);
		await openWorkflow(page, n8n.client.baseUrl, asImported.id);
		await page.screenshot({ path: join(OUTPUT_DIR, 'results-to-the-team.png') });
		say('saved docs/screenshots/results-to-the-team.png');

		// The Junction trigger's parameters, as a user sees them after a double-click (in the published copy).
		const results = workflows.find((workflow) => workflow.file === 'results-to-the-team.json')!;
		await openWorkflow(page, n8n.client.baseUrl, results.id);
		await page.locator('.vue-flow__node', { hasText: 'Junction results ready' }).first().dblclick();
		await page.locator('[data-test-id="ndv"], .ndv-wrapper').first().waitFor({ timeout: 15_000 });
		await page.waitForTimeout(1000);
		await page.screenshot({ path: join(OUTPUT_DIR, 'junction-trigger.png') });
		say('saved docs/screenshots/junction-trigger.png');
		await page.keyboard.press('Escape');

		await shootMessages(chromium.context, await capturedMessages(environment.fakes.capture.url));
		await shootSamples(chromium.context);
		await shootTriggerWithEvent(page, n8n.client.baseUrl, asImported.id);
		return 0;
	} catch (error) {
		say((error as Error).message);
		return 1;
	} finally {
		await chromium?.close();
		await environment?.stop();
	}
}

void main().then((code) => process.exit(code));
