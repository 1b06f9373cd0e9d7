import type { Appointment } from '../../../nodes/Junction/events/appointments';
import { describeAppointment } from '../../../nodes/Junction/events/appointments';
import { splitStatus } from '../../../nodes/Junction/events/orderStatus';
import { genderOf } from '../../../nodes/LondonMedicalLaboratory/actions/patient/patientValues';
import { fhirBundles } from '../../../nodes/shared/fhir/bundle';
import { ucumCode } from '../../../nodes/shared/fhir/units';
import { readyResults } from '../../../nodes/shared/results';
import { ownEntry } from '../../../nodes/shared/values';
import { fhirIssues } from '../../support/fhir';

/**
 * Strings from payloads and users that name what every JavaScript object inherits: looked up in a plain
 * table they found a function (a property test found `unit: "constructor"` in a FHIR bundle as the
 * Quantity's code, and the bundle invalid).
 */
const INHERITED = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('lookups of outside strings see only their table', () => {
	it('ownEntry answers the own entries and nothing inherited', () => {
		const table = { mg: 'mg', empty: '' };
		expect(ownEntry(table, 'mg')).toBe('mg');
		expect(ownEntry(table, 'empty')).toBe('');
		for (const key of INHERITED) expect(ownEntry(table, key)).toBeUndefined();
	});

	it.each(INHERITED)('a unit "%s" has no UCUM code, and its FHIR bundle is valid', (unit) => {
		expect(ucumCode(unit)).toBeUndefined();
		const [bundle] = fhirBundles(
			readyResults(
				[
					{
						biomarker: 'Ferritin',
						code: null,
						codeSystem: 'LOINC',
						value: 40,
						valueText: null,
						unit,
						referenceLow: 10,
						referenceHigh: 200,
						flag: 'normal',
						flagSource: 'provider',
						interpretation: null,
						comment: null,
					},
				],
				[],
			),
			{
				provider: 'londonMedicalLaboratory',
				providerName: 'London Medical Laboratory',
				kind: 'order',
				id: 'order-1',
				status: 'final',
				collected: null,
				reported: null,
				laboratory: null,
				patient: { name: 'A Person', birthDate: '1970-01-01', gender: unit },
			},
			{ bundleType: 'collection', maxEntries: 0, includePatientDetails: true },
		);
		expect(fhirIssues(bundle)).toEqual([]);
		const observation = bundle.entry.find((entry) => entry.resource.resourceType === 'Observation')!
			.resource as unknown as { valueQuantity: Record<string, unknown> };
		expect(observation.valueQuantity).toEqual({ value: 40, unit });
		const patient = bundle.entry.find((entry) => entry.resource.resourceType === 'Patient')!
			.resource as unknown as Record<string, unknown>;
		expect(patient.gender).toBeUndefined();
	});

	it.each(INHERITED)('an LML gender "%s" is not one LML knows', (gender) => {
		expect(genderOf(gender)).toBeUndefined();
		expect(genderOf('Female')).toBe('female');
	});

	it.each(INHERITED)('a Junction status ending in "%s" keeps it as text', (status) => {
		expect(splitStatus(`received.testkit.${status}`)).toEqual({
			statusHighLevel: 'received',
			modality: 'testkit',
			status,
		});
		expect(splitStatus(status).status).toBe(status);
	});

	it.each(INHERITED)('a Junction appointment of type "%s" has no modality', (type) => {
		const fields = describeAppointment({
			id: 'appointment-1',
			order_id: 'order-1',
			type,
		} as Appointment);
		expect(fields.modality).toBeNull();
		expect(fields.appointmentType).toBe(type);
	});
});
