import type { IDataObject } from 'n8n-workflow';

import type { LmlEventName } from '../../../nodes/LondonMedicalLaboratory/events';
import { LML_SAMPLE_IDS, lmlSample } from '../../../dev/fakes/londonMedicalLaboratory/samples';
import { deliver, sendEvent, type SignOptions } from '../../../dev/fakes/sender';
import type { E2eWorkflow } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import { LML_WEBHOOK_HEADER, LML_WEBHOOK_SECRET, lmlData } from '../fixtures/lml';

/** What the LML e2e tests send (test/e2e/londonMedicalLaboratory/), and the data they expect back. */
export const ids = LML_SAMPLE_IDS;
export const signed: SignOptions = { secret: LML_WEBHOOK_SECRET, headerName: LML_WEBHOOK_HEADER };

/** Payload URLs point at a fake host that must never be called: full data comes from the credential's host. */
export const samplePayload = (event: LmlEventName) =>
	lmlSample(event, { payloadHost: e2e().fakes.payloadHost });

export async function sendLml(
	workflow: E2eWorkflow,
	event: LmlEventName,
	options: SignOptions = signed,
) {
	const { n8n, fakes } = e2e();
	return await sendEvent('londonMedicalLaboratory', event, n8n.webhookUrl(workflow), {
		...options,
		overrides: { payloadHost: fakes.payloadHost },
	});
}

/** A hand-built body, with the shared secret in its header. */
export async function sendBody(workflow: E2eWorkflow, payload: Record<string, unknown>) {
	return await deliver(e2e().n8n.webhookUrl(workflow), {
		method: 'POST',
		headers: { 'content-type': 'application/json', [LML_WEBHOOK_HEADER]: LML_WEBHOOK_SECRET },
		query: {},
		body: JSON.stringify(payload),
	});
}

const PATIENT_FIELDS = [
	'first_name',
	'last_name',
	'email',
	'date_of_birth',
	'uk_address',
	'customer',
];
export const withoutPatientFields = (record: IDataObject) =>
	PATIENT_FIELDS.filter((field) => field in record);

/** The fake's results for the sample registration, and the flags their values and ranges call for. */
export const sampleResults = lmlData.labResults[ids.testRegistrationId];
export const expectedFlags = {
	TSH: 'high',
	'Free T4': 'normal',
	'Vitamin D': 'low',
	Ferritin: 'normal',
};
