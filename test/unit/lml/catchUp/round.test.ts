import type { INodeProperties } from 'n8n-workflow';

import { LondonMedicalLaboratoryCatchUpTrigger } from '../../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratoryCatchUpTrigger.node';
import { forgetProcessChanges } from '../../../../nodes/shared/catchUp/changeLedger';
import { WebhookOutbox } from '../../../../dev/fakes/catchUp/webhookOutbox';
import type { FakeServer } from '../../../../dev/fakes/fakeServer';
import {
	createLmlFake,
	lmlFakeData,
	LML_FAKE_TOKEN,
	type LmlFakeData,
} from '../../../../dev/fakes/londonMedicalLaboratory/api';
import { LmlStatusTimeline } from '../../../../dev/fakes/londonMedicalLaboratory/statusTimeline';
import type { Bundle } from '../../../../nodes/shared/fhir/types';
import { CatchUpHarness } from '../../../support/catchUpHarness';
import { fhirIssues } from '../../../support/fhir';

/** The LML catch-up over real HTTP: a bounded snapshot of the registration and order lists. */
let fake: FakeServer;
let data: LmlFakeData;
let timeline: LmlStatusTimeline;
let outbox: WebhookOutbox;

beforeEach(async () => {
	forgetProcessChanges();
	data = lmlFakeData({ registrations: 150, orders: 120, products: 3 });
	fake = createLmlFake(data);
	await fake.start();
	outbox = new WebhookOutbox({ gapsMs: [0], spanMs: 0, url: () => undefined });
	timeline = new LmlStatusTimeline(data, outbox, 'secret');
});

afterEach(async () => {
	outbox.stop();
	await fake.stop();
});

function harness(options: Record<string, unknown> = {}) {
	return new CatchUpHarness({
		node: new LondonMedicalLaboratoryCatchUpTrigger(),
		parameters: { events: ['*'], interval: 5, unit: 'minutes', patientData: 'leaveOut', options },
		credentials: {
			londonMedicalLaboratoryApi: {
				environment: 'custom',
				baseUrl: fake.url,
				apiToken: LML_FAKE_TOKEN,
			},
		},
	});
}

const summary = (item: Record<string, unknown>) =>
	`${String(item.retestTestRegistrationId ?? item.testRegistrationId ?? item.orderId)}: ${String(item.event)}`;

describe('London Medical Laboratory Catch-Up Trigger', () => {
	test('the baseline takes every listed record as it is, across all pages of both lists', async () => {
		const n8n = harness();
		await n8n.activate();
		expect(n8n.executions).toEqual([]);
		const pages = fake.requests.map(
			(request) => `${request.path}?page=${String(request.query.page)}`,
		);
		// The baseline, then the first round goes over the same pages.
		expect(pages.slice(0, 4)).toEqual([
			'/api/test_registration/?page=1',
			'/api/test_registration/?page=2',
			'/api/order/?page=1',
			'/api/order/?page=2',
		]);
		const state = (n8n.stored['node:Catch-Up'] as { catchUp: { snapshot: object } }).catchUp;
		expect(Object.keys(state.snapshot)).toHaveLength(150 + 120);
	});

	test('milestones reached since, of new and known records, run once each, in order per record', async () => {
		const n8n = harness();
		await n8n.activate();
		const registration = timeline.createRegistration();
		timeline.advance(registration, 'registered');
		timeline.advance(registration, 'labId');
		const known = String(data.testRegistrations[5].id);
		const retest = timeline.createRegistration(known);
		const order = timeline.createOrder();
		timeline.ship(order);
		timeline.deliver(order, { webhook: false });
		await n8n.round();
		timeline.advance(registration, 'results');
		await n8n.round();
		await n8n.round();
		// Records go side by side; each record's changes in order.
		const ofRecord = (id: string) =>
			n8n.passedOn.map(summary).filter((line) => line.startsWith(id));
		expect([ofRecord(registration), ofRecord(retest), ofRecord(order)]).toEqual([
			[
				`${registration}: test_registration.complete`,
				`${registration}: test_registration.lml_lab_id_created`,
				`${registration}: lab_results.complete`,
			],
			[`${retest}: test_registration.retest`],
			[`${order}: order.shipped`, `${order}: order.delivered`],
		]);
		expect(n8n.executions).toHaveLength(6);
		const retestItem = n8n.passedOn.find((item) => item.event === 'test_registration.retest')!;
		expect(retestItem).toMatchObject({
			provider: 'londonMedicalLaboratory',
			testRegistrationId: known,
			validation: { valid: true },
		});
	});

	test('Output FHIR R4 Bundle: results a round finds leave as a valid FHIR R4 Bundle, as from the webhook trigger', async () => {
		const options = new LondonMedicalLaboratoryCatchUpTrigger().description.properties.find(
			(property) => property.name === 'options',
		)!.options as INodeProperties[];
		const output = options.find((option) => option.name === 'output')!;
		expect((output.options as Array<{ value: string }>).map((option) => option.value)).toContain(
			'fhir',
		);
		expect(options.map((option) => option.name)).toEqual(
			expect.arrayContaining(['fhirBundleType', 'fhirMaxEntries', 'fhirPatientReference']),
		);

		const n8n = harness({ fetchFullData: true, output: 'fhir' });
		await n8n.activate();
		const withResults = timeline.createRegistration();
		timeline.advance(withResults, 'results');
		const registered = timeline.createRegistration();
		timeline.advance(registered, 'registered');
		await n8n.round();
		const bundles = n8n.passedOn.filter((item) => item.resourceType === 'Bundle');
		expect(bundles).toHaveLength(1);
		expect(bundles[0]).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
		expect(fhirIssues(bundles[0] as unknown as Bundle)).toEqual([]);
		expect(JSON.stringify(bundles[0])).toContain('TSH');
		// The milestones without results stay one event item each.
		expect(
			n8n.passedOn
				.filter((item) => item.resourceType !== 'Bundle')
				.map(summary)
				.sort(),
		).toEqual(
			[
				`${withResults}: test_registration.complete`,
				`${registered}: test_registration.complete`,
			].sort(),
		);
	});

	test('a restart finds the snapshot the executions stored and runs nothing again', async () => {
		const n8n = harness();
		await n8n.activate();
		const order = timeline.createOrder();
		timeline.ship(order);
		await n8n.round();
		await n8n.deactivate();
		forgetProcessChanges();
		await n8n.activate();
		timeline.deliver(order);
		await n8n.round();
		expect({ runs: n8n.passedOn.map(summary), duplicates: n8n.duplicates }).toEqual({
			runs: [`${order}: order.shipped`, `${order}: order.delivered`],
			duplicates: 0,
		});
	});

	test('Records Remembered bounds the snapshot: the oldest days are forgotten, and their records taken as they are', async () => {
		data.testRegistrations.forEach((registration, index) => {
			registration.created_at = new Date(Date.UTC(2026, 0, 1 + (index % 100)))
				.toISOString()
				.slice(0, 10);
		});
		const n8n = harness({ snapshotSize: 100 });
		await n8n.activate();
		const state = (
			n8n.stored['node:Catch-Up'] as { catchUp: { snapshot: object; knownBefore: number } }
		).catchUp;
		expect(Object.keys(state.snapshot).length).toBeLessThanOrEqual(100);
		// A forgotten registration reaching a milestone is not run: it is older than what is followed.
		const old = data.testRegistrations.find(
			(registration) => registration.created_at === '2026-01-02',
		)!;
		old.lab_id = 'LATE-1';
		// A registration created since reaching the same milestone in the same round does run.
		const fresh = timeline.createRegistration();
		timeline.advance(fresh, 'registered');
		timeline.advance(fresh, 'labId');
		await n8n.round();
		expect(n8n.passedOn.map(summary)).toEqual([
			`${fresh}: test_registration.complete`,
			`${fresh}: test_registration.lml_lab_id_created`,
		]);
		expect(state.knownBefore).toBeGreaterThanOrEqual(Math.floor(Date.UTC(2026, 0, 2) / 86_400_000));
	});
});
