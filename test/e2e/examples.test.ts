import { capturedMessages } from '../../dev/fakes/capture';
import { requestsReceivedBy } from '../../dev/fakes/fakeServer';
import { LML_SAMPLE_PATIENT_ID } from '../../dev/fakes/londonMedicalLaboratory/api';
import {
	LOCAL_WEBHOOK_HEADER,
	LOCAL_WEBHOOK_SECRETS,
	localWorkflows,
	type LocalWorkflow,
} from '../../dev/demo/examples';
import { createdOrders } from '../../dev/fakes/junction/api/hooks';
import { buildDelivery, deliver } from '../../dev/fakes/sender';
import { JUNCTION_SAMPLE_IDS, JUNCTION_SAMPLE_PATIENT } from '../../dev/fakes/junction/samples';
import { playStory, STORY_IDS, type StoryOutcome } from '../../dev/demo/story';
import { blockKitProblems } from '../support/blockKit';
import { e2e } from './environment';
import { exampleEndpoints } from './fixtures/examples';

/**
 * The example workflows in examples/, imported into n8n as a user would (Slack swapped for the capture
 * server, credentials pointed at the fakes), fed the demo's story, and judged by the messages they send.
 */
const { n8n, fakes } = e2e();
const workflows = localWorkflows(exampleEndpoints(fakes));
const byFile = (file: string): LocalWorkflow =>
	workflows.find((workflow) => workflow.file === file)!;

let story: StoryOutcome;
let messages: Awaited<ReturnType<typeof capturedMessages>>;

beforeAll(async () => {
	story = await playStory(n8n, workflows);
	messages = await capturedMessages(fakes.capture);
});

const slackTo = (channel: string) =>
	messages.filter((message) => message.channel === 'slack' && message.to === channel);
const emailsTo = (address: string) =>
	messages.filter((message) => message.channel === 'email' && message.to === address);

describe('example workflows fed the demo story', () => {
	it('answers every delivery 200 and runs every accepted one successfully', () => {
		expect(story.deliveries.every((delivered) => delivered.status === 200)).toBe(true);
		const accepted = story.deliveries.filter(
			(delivered) => delivered.outcome === 'accepted',
		).length;
		expect(story.failed).toBe(0);
		expect(story.succeeded).toBe(accepted);
		expect(accepted).toBeGreaterThanOrEqual(story.eventsSent);
	});

	it('sends results to the team for each provider, with out-of-range results marked', () => {
		const posts = slackTo('#lab-results').filter((message) => message.text.startsWith('🧪'));
		expect(posts).toHaveLength(3);
		const lml = posts.find((message) => message.text.includes(STORY_IDS.lmlRegistration))!;
		expect(lml.text).toContain('2 of 4 results need attention');
		expect(lml.text).toContain('🔺 *TSH* 6.8 mU/L (high)');
		expect(lml.text).toContain('🔻 *Vitamin D* 31 nmol/L (low)');
		const junction = posts.find((message) =>
			message.text.includes(`Junction order ${STORY_IDS.junctionOrder}`),
		)!;
		expect(junction.text).toContain('🚨 *Potassium*');
		expect(
			posts.some((message) => message.text.startsWith('🧪 Results ready for Hurdle test')),
		).toBe(true);
		const emails = emailsTo('lab-team@example.com');
		expect(emails).toHaveLength(3);
		expect(emails.map((email) => email.subject)).toContainEqual(
			expect.stringMatching(/^Lab results: LML registration .* \(2 need attention\)$/),
		);
	});

	it('posts the results as Block Kit blocks: the reference, a header, a section per out-of-range result', () => {
		const posts = slackTo('#lab-results').filter((message) => message.text.startsWith('🧪'));
		for (const post of posts) expect(blockKitProblems(post)).toEqual([]);
		const lml = posts.find((message) => message.text.includes(STORY_IDS.lmlRegistration))!;
		const blocks = JSON.stringify(lml.blocks);
		expect(blocks).toContain(`Results ready for LML registration ${STORY_IDS.lmlRegistration}`);
		expect(blocks).toContain('🧪 LML results: 2 of 4 results need attention');
		expect(blocks).toContain('🔺 *High* · *TSH*\\n6.8 mU/L · range 0.27–4.2');
		expect(blocks).toContain('🔻 *Low* · *Vitamin D*');
		const junction = posts.find((message) =>
			message.text.includes(`Junction order ${STORY_IDS.junctionOrder}`),
		)!;
		expect(JSON.stringify(junction.blocks)).toContain('🚨 *Critical* · *Potassium*');
	});

	it('emails the results as an HTML table beside the plain text', () => {
		const emails = emailsTo('lab-team@example.com');
		const lml = emails.find((email) => email.subject?.startsWith('Lab results: LML'))!;
		expect(lml.text).toContain('2 of 4 results need attention');
		expect(lml.html).toContain('>LML results</div>');
		expect(lml.html).toContain('>TSH</div>');
		expect(lml.html).toContain('▲ High');
		expect(lml.html).toContain('data-part="range"');
		expect(lml.html).not.toMatch(/<script/i);
	});

	it('chains a retest: fetches the new registration and names both', () => {
		const [post] = slackTo('#lab-results').filter((message) => message.text.startsWith('🔁'));
		expect(post.text).toMatch(/^🔁 Retest created: LML-AB\d+ replaces /);
		expect(post.text).toContain(`new registration ${STORY_IDS.lmlRetest}`);
	});

	it("gives the retest the original registration's patient, once", async () => {
		const [post] = slackTo('#lab-results').filter((message) => message.text.startsWith('🔁'));
		expect(post.text).toContain('Its patient is assigned, as on the original.');
		const patches = (await requestsReceivedBy(fakes.examples.londonMedicalLaboratory)).filter(
			(request) => request.method === 'PATCH',
		);
		expect(patches.map((request) => [request.path, JSON.parse(request.body)])).toEqual([
			[`/api/test_registration/${STORY_IDS.lmlRetest}`, { patient_id: LML_SAMPLE_PATIENT_ID }],
		]);
	});

	it('alerts on a critical result, by Slack and email', () => {
		const [alert] = slackTo('#lab-critical');
		expect(alert.text).toContain(`CRITICAL result for Junction order ${STORY_IDS.junctionOrder}`);
		expect(alert.text).toContain('🚨 *Potassium* 6.9');
		expect(blockKitProblems(alert)).toEqual([]);
		const blocks = alert.blocks as Array<{ type: string; text?: { text: string } }>;
		expect(blocks[0].text!.text).toMatch(/^🚨 \*CRITICAL\* result for Junction order /);
		expect(blocks[1]).toMatchObject({ type: 'header' });
		const [firstResult] = blocks.slice(2).filter((block) => block.type === 'section');
		expect(firstResult.text!.text).toMatch(/^🚨 \*Critical\* · \*Potassium\*/);
		const [email] = emailsTo('on-call@example.com');
		expect(emailsTo('on-call@example.com')).toHaveLength(1);
		expect(email.html).toContain('CRITICAL result.');
		expect(email.html).toContain('‼ Critical');
	});

	it('tracks every order and test event of all three providers in one channel', () => {
		const lines = slackTo('#lab-orders').map((message) => message.text);
		const executions = story.executions.get(byFile('order-status-tracker.json').id)!;
		expect(lines).toHaveLength(executions.length);
		expect(lines.some((line) => line.startsWith('📦 LML · order.shipped'))).toBe(true);
		expect(
			lines.some(
				(line) =>
					line.startsWith('📦 Junction · labtest.order.updated') && line.endsWith('· completed'),
			),
		).toBe(true);
		expect(lines.some((line) => line.startsWith('📦 Hurdle · test.processed'))).toBe(true);
	});

	it('orders a Junction retest for the out-of-range marker and for the redraw, once each', async () => {
		const orders = await createdOrders(fakes.examples.junction);
		expect(orders.map((order) => order.passthrough).sort()).toEqual(
			[`retest of ${STORY_IDS.junctionOrder}`, `retest of ${STORY_IDS.junctionRedrawOrder}`].sort(),
		);
		expect(orders.every((order) => order.user_id === JUNCTION_SAMPLE_IDS.userId)).toBe(true);
		expect(orders.every((order) => order.lab_test_id === JUNCTION_SAMPLE_IDS.labTestId)).toBe(true);
		const posts = slackTo('#lab-results').filter((message) =>
			message.text.startsWith('🔄 Retest ordered'),
		);
		expect(posts).toHaveLength(2);
		const ldl = posts.find((message) => message.text.includes(STORY_IDS.junctionOrder))!;
		expect(ldl.text).toContain('LDL Cholesterol 162 mg/dL (high)');
		const redraw = posts.find((message) => message.text.includes(STORY_IDS.junctionRedrawOrder))!;
		expect(redraw.text).toContain('a redraw is available');
	});

	it('places no second retest when the same event runs the workflow again (delivered anew)', async () => {
		const retest = byFile('junction-retest.json');
		const before = (await n8n.executionList(retest.id)).length;
		const ordersBefore = await createdOrders(fakes.examples.junction);
		// The event the story sent, under a new svix-id, as a re-sent webhook arrives.
		const delivery = buildDelivery('junction', 'labtest.order.updated', {
			overrides: { status: 'completed', interpretation: 'abnormal' },
			secret: LOCAL_WEBHOOK_SECRETS.junction,
			headerName: LOCAL_WEBHOOK_HEADER,
		});
		const answer = await deliver(n8n.webhookUrl(retest.triggers[0].webhookPath), delivery);
		expect(answer.body).toMatchObject({ status: 'accepted' });
		const [again] = await n8n.waitForExecutions(retest.id, before + 1, { timeoutMs: 60_000 });
		expect(again.status).toBe('success');
		expect(await createdOrders(fakes.examples.junction)).toEqual(ordersBefore);
		const [item] = again.json('Order the retest');
		expect(item).toMatchObject({ idempotency: { replayed: true } });
		const latest = (await capturedMessages(fakes.capture)).filter((message) =>
			message.text.startsWith('🔄 Retest ordered'),
		);
		expect(latest.at(-1)?.text).toContain('Already placed by an earlier run: no second order.');
	});

	it('never puts patient details in a message', () => {
		// The results went out, on both channels, so their absence below is not that of the messages.
		expect(slackTo('#lab-results').length).toBeGreaterThan(0);
		expect(emailsTo('lab-team@example.com').length).toBeGreaterThan(0);
		const everything = JSON.stringify(messages);
		for (const identifier of [
			'Jane',
			'Smith',
			'jane.smith@example.com',
			JUNCTION_SAMPLE_PATIENT.last_name,
			JUNCTION_SAMPLE_PATIENT.email,
			JUNCTION_SAMPLE_PATIENT.dob,
		]) {
			expect(everything).not.toContain(identifier);
		}
	});
});
