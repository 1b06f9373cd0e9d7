import { requestsReceivedBy } from '../../../dev/fakes/fakeServer';
import { JUNCTION_FAKE_ORDERS, JUNCTION_REDRAW_MARKER } from '../../../dev/fakes/junction/api';
import { JUNCTION_REDRAW_FIXTURES } from '../../../dev/fakes/junction/samples';
import { TRIGGER_NODE } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import { junctionTriggers } from '../fixtures/junction';
import { executionsOf, fakeRequests, ids, resetFake, send } from './deliveries';

describe('Junction trigger in n8n', () => {
	describe('Fetch Full Data', () => {
		beforeEach(resetFake);

		it('attaches result rows, a summary and the results PDF as binary, never calling a payload URL', async () => {
			const target = junctionTriggers.fetchResults;
			await send(target, 'labtest.order.updated', {
				overrides: { payloadHost: e2e().fakes.payloadHost },
			});
			const [execution] = await executionsOf(target, 1);
			const [item] = execution.items(TRIGGER_NODE);
			expect(item.json).toMatchObject({
				fullData: { fetched: true },
				results: {
					ready: true,
					status: 'final',
					summary: { total: 6, critical: 1, high: 1, low: 1 },
				},
			});
			expect((item.json.results as { rows: unknown[] }).rows).toContainEqual(
				expect.objectContaining({ biomarker: 'Potassium', flag: 'critical', code: '2823-3' }),
			);
			expect(item.binary?.resultsPdf).toMatchObject({
				mimeType: 'application/pdf',
				fileName: `junction-results-${ids.orderId}.pdf`,
			});
			expect(JSON.stringify(item.json)).not.toContain('McTestface');
			expect((await fakeRequests()).map((request) => request.path).sort()).toEqual([
				`/v3/order/${ids.orderId}/result`,
				`/v3/order/${ids.orderId}/result/pdf`,
			]);
			expect(await requestsReceivedBy(e2e().fakes.payloadHost)).toHaveLength(0);
		});

		it('follows a redraw: the initial order at redraw_available, the redraw order, and the combined results of the transaction', async () => {
			const target = junctionTriggers.redrawStory;
			// One after the other, as Junction sends them.
			for (const [index, { event, overrides }] of JUNCTION_REDRAW_FIXTURES.entries()) {
				expect((await send(target, event, { overrides })).status).toBe(200);
				await executionsOf(target, index + 1);
			}
			const executions = await executionsOf(target, 3);
			const items = executions
				.map((execution) => execution.json(TRIGGER_NODE)[0])
				.sort((a, b) => String(a.receivedAt).localeCompare(String(b.receivedAt)));
			expect(items[0]).toMatchObject({
				status: 'redraw_available',
				redrawOrderId: ids.redrawOrderId,
				results: { ready: true },
			});
			expect(items[1]).toMatchObject({ orderId: ids.redrawOrderId, origin: 'redraw' });
			expect(items[2]).toMatchObject({
				orderId: ids.redrawOrderId,
				orderTransactionId: ids.orderTransactionId,
				results: { ready: true, scope: 'transaction' },
			});
			expect(
				(items[2].results as { rows: Array<{ biomarker: string }> }).rows.map(
					(row) => row.biomarker,
				),
			).toEqual(expect.arrayContaining(['Glucose', JUNCTION_REDRAW_MARKER.name]));
		});

		it('fetches an unmatched result awaiting review, and turns a parsed lab report into results', async () => {
			const target = junctionTriggers.reviewsAndReports;
			await send(target, 'labtest.match_review.created');
			await executionsOf(target, 1);
			await send(target, 'lab_report.parsing_job.updated');
			const items = (await executionsOf(target, 2)).map(
				(execution) => execution.json(TRIGGER_NODE)[0],
			);
			const review = items.find((item) => item.event === 'labtest.match_review.created')!;
			const report = items.find((item) => item.event === 'lab_report.parsing_job.updated')!;
			expect(review.unmatchedResult).toMatchObject({ id: ids.unmatchedResultId });
			expect(report.results).toMatchObject({ ready: true, summary: { total: 3 } });
			expect(JSON.stringify(items)).not.toContain('McTestface');
		});

		it('says results are not ready yet instead of failing', async () => {
			const target = junctionTriggers.fetchResultsNotReady;
			await send(target, 'labtest.order.updated', {
				overrides: { orderId: JUNCTION_FAKE_ORDERS.pending },
			});
			const [execution] = await executionsOf(target, 1);
			expect(execution.status).toBe('success');
			expect(execution.json(TRIGGER_NODE)[0].results).toMatchObject({ ready: false });
		});

		it('can start the workflow with one item per biomarker', async () => {
			const target = junctionTriggers.fetchBiomarkerRows;
			await send(target, 'labtest.result.critical');
			const [execution] = await executionsOf(target, 1);
			const rows = execution.json(TRIGGER_NODE);
			expect(rows).toHaveLength(6);
			expect(rows.map((row) => row.flag)).toEqual([
				'normal',
				'high',
				'low',
				'critical',
				'normal',
				'normal',
			]);
			expect(
				rows.every((row) => row.orderId === ids.orderId && row.event === 'labtest.result.critical'),
			).toBe(true);
		});
	});
});
