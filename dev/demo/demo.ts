/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a command-line tool: it runs in Node, not inside n8n */
import { capturedMessages } from '../fakes/capture';
import { createdOrders } from '../fakes/junction/api/hooks';
import { startDemoEnvironment, type DemoEnvironment } from './environment';
import { LOCAL_WEBHOOK_HEADER, LOCAL_WEBHOOK_SECRETS } from './examples';
import { DEMO_STORY, lmlPatientAssignments, playStory } from './story';

/**
 * `npm start`: a local n8n 2.41.1 with this package, the fake provider APIs and the example workflows
 * published; then a short story of events from all three providers, and a summary. It keeps running
 * until Ctrl-C; with `--once` it stops after the story and exits non-zero if any execution failed.
 */
const once = process.argv.includes('--once');
const started = Date.now();
const say = (text: string) => process.stdout.write(`${text}\n`);
const progress = (step: string) =>
	say(`demo: ${step} [${((Date.now() - started) / 1000).toFixed(1)} s]`);

async function main(): Promise<number> {
	let environment: DemoEnvironment | undefined;
	const stopAll = async () => await environment?.stop();
	try {
		environment = await startDemoEnvironment(progress);
		const { fakes, n8n, workflows } = environment;
		say(
			`\ndemo: published ${workflows.length} example workflows: ${workflows.map((workflow) => workflow.name).join(', ')}`,
		);
		say('demo: the story —');
		let lastStep: unknown;
		const outcome = await playStory(
			n8n.client,
			workflows,
			DEMO_STORY,
			({ step, workflow, status, outcome: answer }) => {
				if (step !== lastStep) say(`  • ${step.says} (${step.provider} ${step.event})`);
				lastStep = step;
				if (answer === 'accepted') say(`      → ${workflow.name}: ${status} ${answer}`);
			},
		);
		const messages = await capturedMessages(fakes.capture.url);
		say(
			`\ndemo: the workflows sent ${messages.length} messages to the capture server (Slack channels and email), for example:`,
		);
		for (const message of messages
			.filter((candidate) => candidate.text.startsWith('🧪') || candidate.text.startsWith('🚨'))
			.slice(0, 2)) {
			say(`  [${message.channel} ${message.to}]\n    ${message.text.split('\n').join('\n    ')}`);
		}
		const filed = await Promise.all(
			(['DiagnosticReport', 'Observation'] as const).map(
				async (type) => (await fakes.fhir.all(type)).length,
			),
		);
		say(
			`\ndemo: the FHIR server at ${fakes.fhir.baseUrl} holds ${filed[0]} DiagnosticReport(s) and ${filed[1]} Observations`,
		);
		say(
			`demo: LML retests given their patient by the retest chain: ${lmlPatientAssignments(fakes.londonMedicalLaboratory.requests)}`,
		);
		const accepted = outcome.deliveries.filter(
			(delivered) => delivered.outcome === 'accepted',
		).length;
		const missing = accepted - outcome.succeeded - outcome.failed;
		const problems = [
			outcome.failed ? `${outcome.failed} failed` : '',
			missing > 0 ? `${missing} never finished` : '',
		]
			.filter(Boolean)
			.join(', ');
		// Orders the retest workflow placed at the Junction fake the demo's examples use (once each).
		const retests = (await createdOrders(fakes.junction.url)).length;
		say(
			`\ndemo: ${outcome.eventsSent} events sent, ${outcome.succeeded} executions succeeded${problems ? `, ${problems}` : ''}, ${retests} Junction retest${retests === 1 ? '' : 's'} placed`,
		);
		const healthy = outcome.failed === 0 && missing <= 0 && outcome.succeeded > 0;
		if (once) {
			await stopAll();
			return healthy ? 0 : 1;
		}
		const lml = workflows
			.find((workflow) => workflow.file === 'order-status-tracker.json')
			?.triggers.find((trigger) => trigger.provider === 'londonMedicalLaboratory');
		say(`
demo: n8n is running at ${n8n.client.baseUrl}
      log in as ${n8n.owner.email} / ${n8n.owner.password}
      send more events, e.g.:
        npm run send-event -- --provider londonMedicalLaboratory --event order.shipped --url ${n8n.client.webhookUrl(lml?.webhookPath ?? '')} --secret ${LOCAL_WEBHOOK_SECRETS.londonMedicalLaboratory} --header ${LOCAL_WEBHOOK_HEADER}
      press Ctrl-C to stop everything the demo started`);
		await new Promise<void>((resolve) => {
			process.once('SIGINT', resolve);
			process.once('SIGTERM', resolve);
		});
		say('\ndemo: stopping n8n and the fakes');
		await stopAll();
		return 0;
	} catch (error) {
		say(`demo: ${(error as Error).message}`);
		await stopAll().catch(() => undefined);
		return 1;
	}
}

void main().then((code) => process.exit(code));
