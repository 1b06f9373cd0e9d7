import type { INodeParameters, INodeType } from 'n8n-workflow';

import { HurdleCatchUpTrigger } from '../../../../nodes/Hurdle/HurdleCatchUpTrigger.node';
import { JunctionCatchUpTrigger } from '../../../../nodes/Junction/JunctionCatchUpTrigger.node';
import { LondonMedicalLaboratoryCatchUpTrigger } from '../../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratoryCatchUpTrigger.node';
import { asN8nReadsThem } from '../../../support/n8nParameters';
import { settingsFrom } from './fakeSource';

const nodes: Array<[string, INodeType, boolean]> = [
	['London Medical Laboratory', new LondonMedicalLaboratoryCatchUpTrigger(), true],
	['Hurdle', new HurdleCatchUpTrigger(), true],
	['Junction', new JunctionCatchUpTrigger(), false],
];

describe("catch-up parameters, through n8n's own parameter resolution", () => {
	it.each(nodes)(
		'%s: a node added as it is checks every 5 minutes with the defaults',
		(_n, node) => {
			const settings = settingsFrom(asN8nReadsThem(node, {}));
			expect(settings).toMatchObject({
				interval: 5,
				unit: 'minutes',
				budgetSeconds: 30,
				maxChangesPerRound: 500,
				duplicateWindowSeconds: 1_209_600,
				startFrom: undefined,
				patientData: 'leaveOut',
				options: {},
			});
			expect(settings.selects('any.event')).toBe(true);
		},
	);

	it.each(nodes)('%s: every shared option reaches the rounds', (_n, node, snapshot) => {
		const options: INodeParameters = {
			duplicateWindowHours: 24,
			fetchFullData: true,
			fullDataTimeLimitSeconds: 5,
			maxChangesPerRound: 50,
			roundBudgetSeconds: 120,
			startFrom: '2026-12-01T08:30:00.000Z',
			...(snapshot ? { snapshotSize: 800 } : {}),
		};
		const saved = { interval: 2, unit: 'hours', patientData: 'include', options };
		const resolved = asN8nReadsThem(node, saved);
		expect(resolved.options).toEqual(options);
		expect(settingsFrom(resolved)).toMatchObject({
			interval: 2,
			unit: 'hours',
			budgetSeconds: 120,
			maxChangesPerRound: 50,
			duplicateWindowSeconds: 86_400,
			startFrom: Date.UTC(2026, 11, 1, 8, 30),
			patientData: 'include',
		});
	});

	it.each(nodes)('%s: Records Remembered only where a snapshot is kept', (_n, node, snapshot) => {
		const resolved = asN8nReadsThem(node, { options: { snapshotSize: 800 } });
		expect(resolved.options).toEqual(snapshot ? { snapshotSize: 800 } : {});
	});

	it('Junction: how changes are found, the overlap and the recent days reach the rounds', () => {
		const options = { findBy: 'recentOrders', overlapMinutes: 10, recentDays: 3 };
		const resolved = asN8nReadsThem(new JunctionCatchUpTrigger(), { options });
		expect(resolved.options).toEqual(options);
	});

	it.each(nodes)('%s: Events selects the chosen changes only', (_n, node) => {
		const resolved = asN8nReadsThem(node, { events: ['order.dispatched'] });
		const settings = settingsFrom(resolved);
		expect(settings.selects('order.dispatched')).toBe(true);
		expect(settings.selects('order.created')).toBe(false);
	});

	it('a misnamed option is dropped by n8n, as the tests above rely on', () => {
		const resolved = asN8nReadsThem(new HurdleCatchUpTrigger(), {
			options: { duplicateWindowHour: 24 },
		});
		expect(resolved.options).toEqual({});
	});

	it('the options are listed by their display names, as the editor shows them', () => {
		const options = new LondonMedicalLaboratoryCatchUpTrigger().description.properties.find(
			(property) => property.name === 'options',
		)?.options as Array<{ displayName: string }>;
		const names = options.map((option) => option.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names).toEqual(
			expect.arrayContaining([
				'Duplicate Window (Hours)',
				'Fetch Full Data',
				'Full Data Time Limit (Seconds)',
				'Max Changes per Round',
				'Records Remembered',
				'Round Time Budget (Seconds)',
				'Start From',
			]),
		);
	});
});
