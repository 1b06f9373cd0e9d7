import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { JunctionTrigger } from '../../../nodes/Junction/JunctionTrigger.node';
import { type CapturedResponse, type Credentials } from '../../support/contexts';
import { JUNCTION_FAKE_KEY } from '../../support/providers/junction/fake';
import { buildDelivery, type SampleOptions, type SignOptions } from '../../support/sender';
import { callWebhook } from '../../support/webhookCall';

/** Secrets built at runtime: 24 bytes each, base64 behind whsec_, like the dashboard shows them. */
export const SIGNING_SECRET = `whsec_${Buffer.from('junction-unit-secret-no1').toString('base64')}`;
export const NEXT_SIGNING_SECRET = `whsec_${Buffer.from('junction-unit-secret-no2').toString('base64')}`;

export function junctionCredentials(
	baseUrl = 'http://127.0.0.1:9',
	secrets = SIGNING_SECRET,
): Credentials {
	return {
		junctionApi: {
			apiKey: JUNCTION_FAKE_KEY,
			environment: 'custom',
			baseUrl,
			region: 'auto',
			domain: 'junction',
			webhookSigningSecrets: secrets,
		},
	};
}

export interface TriggerRun {
	response: CapturedResponse;
	/** The items the workflow starts with, or undefined when no execution starts. */
	items: INodeExecutionData[] | undefined;
}

export interface RunOptions {
	parameters?: IDataObject;
	credentials?: Credentials;
	staticData?: IDataObject;
}

/** Sends a raw request to the trigger's webhook method. */
export async function runTrigger(
	request: { headers?: Record<string, string>; body?: unknown },
	{ parameters = {}, credentials = junctionCredentials(), staticData }: RunOptions = {},
): Promise<TriggerRun> {
	const { response, result, items } = await callWebhook(new JunctionTrigger(), {
		parameters: { authentication: 'verify', events: ['*'], ...parameters },
		credentials,
		request,
		staticData,
	});
	return { response, items: result.workflowData ? items : undefined };
}

/** Builds a sample delivery (signed by the official svix library unless `secret` is null) and sends it. */
export async function sendSample(
	event: string,
	options: SampleOptions & Omit<SignOptions, 'secret'> & { secret?: string | null } = {},
	run: RunOptions = {},
): Promise<TriggerRun> {
	const { secret = SIGNING_SECRET, ...rest } = options;
	const delivery = buildDelivery('junction', event, { ...rest, secret: secret ?? undefined });
	return await runTrigger({ headers: delivery.headers, body: delivery.body }, run);
}

export function onlyItem(run: TriggerRun): IDataObject {
	expect(run.response.status).toBe(200);
	expect(run.items).toHaveLength(1);
	return run.items![0].json;
}
