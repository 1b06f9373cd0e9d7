import type { IDataObject } from 'n8n-workflow';

import {
	LOCAL_WEBHOOK_HEADER,
	LOCAL_WEBHOOK_SECRETS,
	localWorkflows,
} from '../../dev/demo/examples';
import { LML_RESULT_REGISTRATIONS } from '../../dev/fakes/londonMedicalLaboratory/api';
import { buildDelivery, deliver } from '../../dev/fakes/sender';
import { FHIR_BASE_PATH } from '../../dev/fhir/server';
import { e2e } from './environment';
import { exampleEndpoints } from './fixtures/examples';

/**
 * The FHIR example in real n8n against a real FHIR server (Medplum's router): LML's 60-marker panel
 * filed as transactions of 8; the server goes away mid-run; re-running the failed execution files the
 * rest, and posting everything again creates nothing.
 */
const { n8n, fakes } = e2e();
const workflow = localWorkflows(exampleEndpoints(fakes)).find(
	(each) => each.file === 'fhir-results-to-server.json',
)!;
const panel = LML_RESULT_REGISTRATIONS.fullPanel;
const serverRoot = fakes.fhir.slice(0, -FHIR_BASE_PATH.length);

interface Stored {
	resourceType: string;
	id: string;
	identifier?: Array<{ value: string }>;
	result?: IDataObject[];
	subject?: { reference: string };
}

async function search(type: string): Promise<Stored[]> {
	const response = await fetch(`${fakes.fhir}/${type}?_count=1000`);
	expect(response.status).toBe(200);
	const bundle = (await response.json()) as { entry?: Array<{ resource: Stored }> };
	return (bundle.entry ?? []).map((entry) => entry.resource);
}

/** What the server holds about the panel's test registration. */
async function panelOnServer() {
	const ours = (resources: Stored[]) =>
		resources.filter((each) => each.identifier?.some((id) => id.value.startsWith(panel)));
	return {
		reports: ours(await search('DiagnosticReport')),
		observations: ours(await search('Observation')),
		patients: ours(await search('Patient')),
	};
}

const counts = async () => {
	const { reports, observations, patients } = await panelOnServer();
	return { reports: reports.length, observations: observations.length, patients: patients.length };
};

describe('FHIR example: results filed in a FHIR server', () => {
	let transactions: IDataObject[] = [];

	it('files what it can, and fails the execution when the server goes away', async () => {
		const before = (await n8n.executions(workflow.id)).length;
		await fetch(`${serverRoot}/__refuse`, {
			method: 'POST',
			body: JSON.stringify({ after: 4, containing: panel }),
		});
		const delivery = buildDelivery('londonMedicalLaboratory', 'lab_results.complete', {
			overrides: { testRegistrationId: panel },
			secret: LOCAL_WEBHOOK_SECRETS.londonMedicalLaboratory,
			headerName: LOCAL_WEBHOOK_HEADER,
		});
		const answer = await deliver(n8n.webhookUrl(workflow.triggers[0].webhookPath), delivery);
		expect(answer.status).toBe(200);
		const [failed] = await n8n.waitForExecutions(workflow.id, before + 1, { timeoutMs: 120_000 });
		expect(failed.status).toBe('error');
		transactions = failed.json('LML results ready');
		expect(transactions).toHaveLength(10);
		expect(transactions.every((bundle) => bundle.type === 'transaction')).toBe(true);
		expect(await counts()).toEqual({ reports: 0, observations: 28, patients: 1 });
	});

	it('files the rest once the failed execution is re-run', async () => {
		const [failed] = await n8n.executions(workflow.id);
		const before = (await n8n.executions(workflow.id)).length;
		await n8n.api('POST', `/executions/${failed.id}/retry`, { loadWorkflow: false });
		const [retried] = await n8n.waitForExecutions(workflow.id, before + 1, { timeoutMs: 180_000 });
		expect(retried.status).toBe('success');
		expect(await counts()).toEqual({ reports: 1, observations: 60, patients: 1 });
		const { reports, observations, patients } = await panelOnServer();
		expect(reports[0].result).toHaveLength(60);
		expect(new Set(observations.map((each) => each.subject?.reference))).toEqual(
			new Set([`Patient/${patients[0].id}`]),
		);
	});

	it('creates nothing when the same transactions are posted again', async () => {
		await fetch(`${serverRoot}/__refuse`, { method: 'POST', body: '{}' });
		const statuses: string[] = [];
		for (const bundle of transactions) {
			const response = await fetch(fakes.fhir, {
				method: 'POST',
				headers: { 'content-type': 'application/fhir+json' },
				body: JSON.stringify(bundle),
			});
			expect(response.status).toBe(200);
			const answer = (await response.json()) as { entry: Array<{ response: { status: string } }> };
			statuses.push(...answer.entry.map((entry) => entry.response.status));
		}
		expect(statuses).toHaveLength(10 * 1 + 60 + 1);
		expect(new Set(statuses)).toEqual(new Set(['200']));
		expect(await counts()).toEqual({ reports: 1, observations: 60, patients: 1 });
	});
});
