import type { IDataObject } from 'n8n-workflow';

import type { ProviderKey } from '../../../dev/fakes';
import {
	newerThan,
	newestExecutionId,
	send,
	seriesKey,
	seriesMessageId,
	signedBody,
	type SendOutcome,
} from '../../../dev/n8n/series';
import {
	errorsOf,
	processors,
	processorUrl,
	SERIES,
	SETTLE,
	tally,
	type Check,
	type RigCase,
} from './rig';

const NESTING = 10_000;

/** `{"a":{"a":…1…}}`, `depth` levels deep, without building it recursively. */
function nested(depth: number): string {
	return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/**
 * The trigger's own refusal of a body nested too deeply (nodes/shared/webhook/delivery.ts): not any 4xx,
 * since n8n answers an unserved path with 404 and a body it cannot parse with 422 of its own.
 */
const TOO_DEEP = { status: 'rejected', message: 'The body nests deeper than 32 levels' };

function isTooDeepAnswer(outcome: SendOutcome): boolean {
	if (outcome.outcome !== 'answered' || outcome.status !== 422) return false;
	try {
		const body = JSON.parse(outcome.body) as IDataObject;
		return body.status === TOO_DEEP.status && body.message === TOO_DEEP.message;
	} catch {
		return false;
	}
}

/** f. A body nested 10,000 levels deep to each trigger: the trigger's 422 and no execution at all. */
export const caseF: RigCase = {
	id: 'f',
	async run(rig) {
		const [a] = processors(rig);
		const deep = nested(NESTING);
		const bodies: Array<{ id: string; name: string; provider: ProviderKey; body: string }> = [
			{
				id: 'f-londonMedicalLaboratory',
				name: 'LML: {"event":"test_registration.complete","data":{"a":{"a":…}}}',
				provider: 'londonMedicalLaboratory',
				body: `{"event":"test_registration.complete","data":${deep}}`,
			},
			{
				id: 'f-hurdle-no-ids',
				name: 'Hurdle, no ids: {"eventType":"ORDER.DISPATCHED","details":{"a":…}}',
				provider: 'hurdle',
				body: `{"eventType":"ORDER.DISPATCHED","version":"1","details":${deep}}`,
			},
			{
				id: 'f-hurdle-ids',
				name: 'Hurdle, with ids: {"eventType":"ORDER.DISPATCHED","orderNumber":…,"details":{"a":…}}',
				provider: 'hurdle',
				body: `{"eventType":"ORDER.DISPATCHED","version":"1","orderNumber":"${seriesKey('hurdle', SERIES.f, 1)}","kits":[{"kitId":"KIT${SERIES.f}"}],"details":${deep}}`,
			},
			{
				id: 'f-junction',
				name: 'Junction, signed: {"event_type":"labtest.order.updated","data":{"a":…}}',
				provider: 'junction',
				body: `{"event_type":"labtest.order.updated","user_id":"u","client_user_id":"c","team_id":"t","data":${deep}}`,
			},
		];
		const checks: Check[] = [];
		for (const [index, { id, name, provider, body }] of bodies.entries()) {
			const workflow = rig.triggers[provider];
			const afterId = await newestExecutionId(rig.client, workflow.id);
			const delivery = signedBody(provider, body, seriesMessageId(SERIES.f, index));
			const outcome = await send(processorUrl(a, workflow), delivery, 30_000);
			const { executions, settled } = await rig.client.waitUntilSettled(workflow.id, SETTLE);
			const fresh = newerThan(executions, afterId);
			checks.push({
				id,
				name: `${name}, ${NESTING.toLocaleString('en')} levels deep`,
				passed: isTooDeepAnswer(outcome) && fresh.length === 0 && settled,
				expected: `422 ${JSON.stringify(TOO_DEEP)}, no execution`,
				observed: `${outcome.outcome === 'answered' ? outcome.status : outcome.outcome} ${JSON.stringify(outcome.body.slice(0, 120))}; ${fresh.length} executions (${tally(fresh)})`,
				details: await errorsOf(rig.client, fresh),
			});
		}
		return checks;
	},
};
