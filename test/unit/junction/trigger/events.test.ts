import { JUNCTION_FIXTURES, JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { triggerRig } from '../../../support/triggerHarness';
import { SIGNING_SECRET } from '../signing';

const { harness: junction } = triggerRig('junction', { secret: SIGNING_SECRET });
const ids = JUNCTION_SAMPLE_IDS;

describe('Junction Trigger: every sample event becomes one typed item', () => {
	it.each(JUNCTION_FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
		'%s',
		async (_name, fixture) => {
			const item = await junction.sampleItem(fixture.event, { overrides: fixture.overrides });
			expect(item).toMatchObject({
				event: fixture.event,
				provider: 'junction',
				validation: { valid: true, issues: [] },
			});
			expect(item.orderId).toBe(ids.orderId);
			expect(item.userId).toBe(ids.userId);
			expect(item.teamId).toBe(ids.teamId);
			expect(typeof item.receivedAt).toBe('string');
		},
	);

	it('describes an order update: status parts, sample, test name, tracking', async () => {
		const item = await junction.sampleItem('labtest.order.updated', {
			overrides: { status: 'transit_lab' },
		});
		expect(item).toMatchObject({
			orderId: ids.orderId,
			userId: ids.userId,
			clientUserId: ids.clientUserId,
			teamId: ids.teamId,
			status: 'transit_lab',
			statusFull: 'collecting_sample.testkit.transit_lab',
			statusHighLevel: 'collecting_sample',
			modality: 'testkit',
			sampleId: ids.sampleId,
			labTestName: 'Female General Wellness',
			outboundTrackingNumber: '9400100000000000000001',
			inboundTrackingNumber: '9400100000000000000002',
			interpretation: null,
		});
		expect(item.inboundTrackingUrl).toContain('9400100000000000000002');
	});

	it('leaves tracking fields out when the order has none yet', async () => {
		const item = await junction.sampleItem('labtest.order.created');
		expect(item).toMatchObject({ status: 'ordered', statusHighLevel: 'received', sampleId: null });
		expect(item).not.toHaveProperty('outboundTrackingNumber');
	});

	it('reads the status from the last of events when last_event is missing, and from the deprecated status last', async () => {
		const fromEvents = await junction.sampleItem('labtest.order.updated', {
			overrides: { status: 'with_customer', statusSource: 'events' },
		});
		expect(fromEvents).toMatchObject({
			status: 'with_customer',
			statusHighLevel: 'collecting_sample',
			modality: 'testkit',
		});
		const deprecated = await junction.sampleItem('labtest.order.updated', {
			overrides: { status: 'delivered_to_lab', statusSource: 'status' },
		});
		expect(deprecated).toMatchObject({
			status: null,
			statusHighLevel: 'sample_with_lab',
			statusFull: 'sample_with_lab',
			modality: 'testkit',
		});
	});

	it('treats the documented testkit_registered spelling as registered', async () => {
		const item = await junction.sampleItem('labtest.order.updated', {
			overrides: { status: 'registered', statusFull: 'received.testkit.testkit_registered' },
		});
		expect(item).toMatchObject({
			status: 'registered',
			statusFull: 'received.testkit.testkit_registered',
		});
	});

	it('passes an unknown status on as it came', async () => {
		const item = await junction.sampleItem('labtest.order.updated', {
			overrides: { statusFull: 'sample_with_lab.testkit.brand_new_status' },
		});
		expect(item).toMatchObject({
			status: 'brand_new_status',
			statusHighLevel: 'sample_with_lab',
			validation: { valid: true },
		});
	});

	it('describes appointments', async () => {
		const created = await junction.sampleItem('labtest.appointment.created');
		expect(created).toMatchObject({
			event: 'labtest.appointment.created',
			appointmentId: ids.appointmentId,
			orderId: ids.orderId,
			appointmentStatus: 'pending',
			appointmentType: 'phlebotomy',
			appointmentProvider: 'getlabs',
			modality: 'at_home_phlebotomy',
			startAt: '2026-08-05T15:00:00+00:00',
			timezone: 'America/Phoenix',
		});
		const walkIn = await junction.sampleItem('labtest.appointment.updated', {
			overrides: { appointmentType: 'patient_service_center', appointmentStatus: 'cancelled' },
		});
		expect(walkIn).toMatchObject({
			appointmentStatus: 'cancelled',
			modality: 'walk_in_test',
			appointmentProvider: 'quest',
		});
	});

	it('describes critical results', async () => {
		const item = await junction.sampleItem('labtest.result.critical', {
			overrides: { resultStatus: 'partial' },
		});
		expect(item).toMatchObject({
			event: 'labtest.result.critical',
			orderId: ids.orderId,
			sampleId: ids.sampleId,
			resultStatus: 'partial',
			interpretation: 'critical',
			clientUserId: ids.clientUserId,
		});
	});
});

describe('Junction Trigger: envelope variants', () => {
	it('accepts {event_type, data} without the id fields, taking the user from the order', async () => {
		const item = await junction.sampleItem('labtest.order.updated', {
			overrides: { envelope: 'eventAndData' },
		});
		expect(item).toMatchObject({
			event: 'labtest.order.updated',
			userId: ids.userId,
			teamId: ids.teamId,
			clientUserId: null,
			validation: { valid: true },
		});
	});

	it('accepts a bare order and infers created or updated from its status', async () => {
		const created = await junction.sampleItem('labtest.order.created', {
			overrides: { envelope: 'bare' },
		});
		expect(created).toMatchObject({
			event: 'labtest.order.created',
			eventTypeInferred: true,
			status: 'ordered',
		});
		const updated = await junction.sampleItem('labtest.order.updated', {
			overrides: { envelope: 'bare', status: 'completed' },
		});
		expect(updated).toMatchObject({
			event: 'labtest.order.updated',
			eventTypeInferred: true,
			status: 'completed',
		});
	});

	it('accepts a bare appointment as an appointment update', async () => {
		const item = await junction.sampleItem('labtest.appointment.updated', {
			overrides: { envelope: 'bare' },
		});
		expect(item).toMatchObject({
			event: 'labtest.appointment.updated',
			eventTypeInferred: true,
			appointmentId: ids.appointmentId,
		});
	});

	it('accepts a client_user_id that is not a UUID', async () => {
		const item = await junction.sampleItem('labtest.order.updated', {
			overrides: { clientUserId: 'customer 42/α' },
		});
		expect(item).toMatchObject({ clientUserId: 'customer 42/α', validation: { valid: true } });
	});
});
