/* eslint-disable @n8n/community-nodes/no-restricted-globals -- the rig runs in Node, not inside n8n */
import type { ExecutionRecord } from '../../../dev/n8n';
import {
	answerOf,
	inPool,
	keysOf,
	newerThan,
	newestExecutionId,
	send,
	seriesDelivery,
	seriesKey,
	statusSummary,
} from '../../../dev/n8n/series';
import {
	acceptedIn,
	allAnswered,
	answerSummary,
	CONCURRENCY,
	countSeries,
	errorsOf,
	processors,
	processorUrl,
	SERIES,
	tally,
	type Rig,
	type RigCase,
} from './rig';

/** Cases g and h: n8n's queue losing Redis, and a worker killed mid-execution. */
/** Waits (bounded) until every webhook processor serves the trigger webhooks again. */
async function processorsServe(rig: Rig, timeoutMs: number): Promise<boolean> {
	try {
		await Promise.all(
			rig.cluster.webhookProcessors.map(
				async (processor) =>
					await processor.client.waitUntilServed(
						Object.values(rig.triggers).map((workflow) => workflow.webhookPath),
						timeoutMs,
					),
			),
		);
		return true;
	} catch {
		return false;
	}
}

const REDIS_DOWN_TIMEOUT_MS = 20_000;
/** n8n colours its log lines. */
const ANSI_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** g. Redis stopped while a delivery arrives: not acknowledged; after Redis is back, the redelivery runs once. */
export const caseG: RigCase = {
	id: 'g',
	async run(rig) {
		const [a] = processors(rig);
		const workflow = rig.triggers.londonMedicalLaboratory;
		const key = seriesKey('londonMedicalLaboratory', SERIES.g, 0);
		const delivery = seriesDelivery('londonMedicalLaboratory', SERIES.g, 0);
		const afterId = await newestExecutionId(rig.client, workflow.id);
		const logOffset = a.process.logSize();
		rig.progress('g: stopping Redis');
		await rig.redis.stop();
		const during = await send(processorUrl(a, workflow), delivery, REDIS_DOWN_TIMEOUT_MS);
		rig.progress(`g: delivery while Redis was down: ${statusSummary([during])}; starting Redis`);
		const downSeconds = during.ms / 1000;
		await rig.redis.start();
		const serving = await processorsServe(rig, 60_000);
		const dead = rig.cluster.deadMembers().map((member) => member.name);
		for (const member of rig.cluster.deadMembers()) await rig.cluster.startAgain(member);
		// What became of the call n8n held while Redis was down, once Redis was back (n8n 2.41 logs it).
		const held = a.process
			.logSince(logOffset)
			.split('\n')
			.filter((line) => /webhook request|Request body stream/.test(line))
			.slice(0, 3);
		const again = await send(processorUrl(a, workflow), delivery, 30_000);
		const count = await countSeries(
			rig,
			workflow,
			afterId,
			[key],
			Math.max(1, acceptedIn([during, again])),
		);
		const executions = count.perKey[0];
		const acknowledged =
			during.outcome === 'answered' && during.status >= 200 && during.status < 300;
		const duringText =
			during.outcome === 'answered'
				? `${during.status} ${JSON.stringify(during.body.slice(0, 100))} after ${downSeconds.toFixed(1)} s`
				: `${during.outcome === 'timeout' ? 'no answer (timeout)' : `connection error (${during.error})`} after ${downSeconds.toFixed(1)} s`;
		return [
			{
				id: 'g',
				name: 'LML: Redis stopped while a delivery arrives at processor A, then Redis started and the delivery redelivered',
				passed:
					!acknowledged &&
					executions === 1 &&
					count.strays === 0 &&
					count.settled &&
					dead.length === 0,
				expected: `while Redis is down: not a 2xx (an error status, or no answer within ${REDIS_DOWN_TIMEOUT_MS / 1000} s); in the end exactly 1 execution`,
				observed: `while down: ${duringText}; redelivery: ${statusSummary([again])} (${answerOf(again) ?? '-'}); ${executions} execution${executions === 1 ? '' : 's'} for the event${count.strays ? `, ${count.strays} others` : ''}`,
				details: [
					serving
						? 'both processors served the webhooks again after Redis came back'
						: 'the processors did NOT serve the webhooks within 60 s after Redis came back',
					dead.length
						? `n8n processes that exited during the outage (started again): ${dead.join(', ')}`
						: 'no n8n process exited during the outage',
					...held.map(
						(line) => `${a.name} logged: ${line.replace(ANSI_COLOURS, '').trim().slice(0, 160)}`,
					),
					`executions: ${tally(count.executions)}`,
				],
			},
		];
	},
};

const SLOW_DELIVERIES = 30;
/** Execution states n8n leaves behind once it is done with an execution. */
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** What became of one event: its executions' statuses, e.g. "success" or "error". */
function fateOf(records: ExecutionRecord[]): string {
	return records.length ? records.map((record) => record.status).join('+') : 'no execution';
}

/**
 * h. A worker killed (SIGKILL) while executions are in flight. The burst must have run (every delivery
 * answered accepted, executions running at the kill), and every event must have met one known fate: one
 * execution that succeeded, or one that n8n marked failed because its worker died (the provider had its
 * 200 and does not retry: the operator retries it from n8n's list). None runs twice, none is lost, none
 * runs again when the worker comes back.
 */
export const caseH: RigCase = {
	id: 'h',
	async run(rig) {
		const [a] = processors(rig);
		const [victim] = rig.cluster.workers;
		const workflow = rig.slow;
		const keys = Array.from({ length: SLOW_DELIVERIES }, (_, index) =>
			seriesKey('londonMedicalLaboratory', SERIES.h, index),
		);
		const afterId = await newestExecutionId(rig.client, workflow.id);
		let runningAtKill = 0;
		const burst = inPool(
			CONCURRENCY,
			keys.map(
				(_, index) => async () =>
					await send(
						processorUrl(a, workflow),
						seriesDelivery('londonMedicalLaboratory', SERIES.h, index),
					),
			),
		);
		// Kill once executions are running (bounded): some of them are on the victim by then.
		const deadline = Date.now() + 20_000;
		while (Date.now() < deadline) {
			const running = newerThan(await rig.client.executionList(workflow.id), afterId).filter(
				(record) => record.status === 'running',
			);
			if (running.length >= 4) {
				runningAtKill = running.length;
				break;
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		rig.progress(`h: SIGKILL to ${victim.name} (${runningAtKill} executions running)`);
		await victim.process.kill('SIGKILL');
		const answers = await burst;
		const killedAt = Date.now();
		const before = (await rig.client.executionList(workflow.id)).filter(
			(record) => Number(record.id) <= afterId,
		).length;
		const { executions, settled } = await rig.client.waitUntilSettled(workflow.id, {
			quietMs: 5_000,
			timeoutMs: 180_000,
			// Every "accepted" answer promises an execution.
			minimum: before + acceptedIn(answers),
		});
		const settledAfter = (Date.now() - killedAt) / 1000;
		const fresh = newerThan(executions, afterId);
		const { byKey, unreadable, keyless } = await keysOf(rig.client, fresh);
		const perEvent = keys.map((key) => byKey.get(key) ?? []);
		const succeeded = perEvent.filter(
			(records) => records.length === 1 && records[0].status === 'success',
		).length;
		const failed = perEvent.filter(
			(records) => records.length === 1 && records[0].status !== 'success',
		).length;
		const missing = perEvent.filter((records) => records.length === 0).length;
		const twice = perEvent.filter((records) => records.length > 1);
		// A job its killed worker held can end failed before any node ran: its data then names no event.
		const unnamed = new Set([...unreadable, ...keyless]);
		const unnamedRecords = fresh.filter((record) => unnamed.has(record.id));
		const unnamedFailed = unnamedRecords.filter((record) => record.status !== 'success').length;
		const unfinished = fresh.filter((record) => !FINISHED.has(record.status)).length;
		const errors = await errorsOf(rig.client, fresh, 3);
		rig.progress(`h: starting ${victim.name} again`);
		await rig.cluster.startAgain(victim);
		const after = await rig.client.waitUntilSettled(workflow.id, {
			quietMs: 5_000,
			timeoutMs: 60_000,
		});
		const reRunAfterRestart = newerThan(after.executions, afterId).length - fresh.length;
		const burstRan = allAnswered(answers, 'accepted') && runningAtKill > 0;
		return [
			{
				id: 'h',
				name: `LML → Wait 3 s: ${victim.name} killed (SIGKILL) during a burst of ${SLOW_DELIVERIES} (concurrency ${CONCURRENCY})`,
				passed:
					burstRan &&
					settled &&
					unfinished === 0 &&
					fresh.length === SLOW_DELIVERIES &&
					twice.length === 0 &&
					// Every event succeeded once or failed once; a failed one may be unnamed, one for one.
					succeeded + failed + missing === SLOW_DELIVERIES &&
					missing === unnamedRecords.length &&
					unnamedFailed === unnamedRecords.length &&
					reRunAfterRestart === 0,
				expected: `the burst ran (200 accepted×${SLOW_DELIVERIES}, executions running at the kill); ${SLOW_DELIVERIES} executions, one per event, each finished: successful, or failed with the killed worker (one whose data names no event counts for the one event left without an execution); none ran again after the worker came back`,
				observed: `${succeeded} events succeeded once, ${failed} failed once; ${missing} events without an execution of their own and ${unnamedRecords.length} executions naming no event (${unnamedFailed} failed); ${twice.length} events with more than one; ${fresh.length} executions: ${tally(fresh)}`,
				details: [
					`killed with ${runningAtKill} executions running; answers: ${statusSummary(answers)} (${answerSummary(answers)})`,
					`executions settled ${settled ? `${settledAfter.toFixed(0)} s after the kill` : 'NOT within 180 s'}; ${unfinished} unfinished; ${reRunAfterRestart} new executions after ${victim.name} started again`,
					...twice.map(
						(records) => `an event with ${records.length} executions: ${fateOf(records)}`,
					),
					...errors,
				],
			},
		];
	},
};
