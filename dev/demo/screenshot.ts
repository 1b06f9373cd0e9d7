/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a command-line tool: it runs in Node, not inside n8n */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { launchChromium, type LaunchedChromium } from '../n8n/browser';
import { startDemoEnvironment, type DemoEnvironment } from './environment';
import { loadExamples } from './examples';
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
