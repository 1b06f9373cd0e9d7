import { hurdle } from '../../../nodes/Hurdle/provider';
import { junction } from '../../../nodes/Junction/provider';
import { lml } from '../../../nodes/LondonMedicalLaboratory/provider';
import {
	applyPatientDataMode,
	PATIENT_IDENTIFIER_FIELDS,
	patientFieldsOf,
	withoutPatientIdentifiers,
} from '../../../nodes/shared/privacy';

const order = {
	id: 'order-1',
	user_id: 'user-1',
	sample_id: 'S-1',
	patient_details: {
		first_name: 'Jane',
		last_name: 'Smith',
		dob: '1990-05-15',
		email: 'jane@example.com',
	},
	patient_address: { first_line: '1 High Street', zip: '85004' },
	lab_test: { name: 'Lipid Panel', markers: [{ name: 'LDL' }] },
	events: [{ status: 'completed', data: { email: 'jane@example.com', note: 'kept' } }],
	gender: 'female',
};

describe('withoutPatientIdentifiers', () => {
	it('drops names, birth dates, contact details and addresses at any depth', () => {
		const text = JSON.stringify(withoutPatientIdentifiers(order, patientFieldsOf(junction)));
		for (const identifier of [
			'Jane',
			'Smith',
			'1990-05-15',
			'jane@example.com',
			'High Street',
			'85004',
		]) {
			expect(text).not.toContain(identifier);
		}
	});

	it('keeps ids, test names, statuses and sex, and leaves the input untouched', () => {
		const copy = withoutPatientIdentifiers(order, patientFieldsOf(junction));
		expect(copy).toMatchObject({
			id: 'order-1',
			user_id: 'user-1',
			sample_id: 'S-1',
			gender: 'female',
			lab_test: order.lab_test,
		});
		expect(copy.events[0]).toEqual({ status: 'completed', data: { note: 'kept' } });
		expect(order.patient_details.first_name).toBe('Jane');
	});

	it('applies only when asked to leave patient details out', () => {
		expect(applyPatientDataMode(order, 'include', junction)).toBe(order);
		expect(applyPatientDataMode(order, 'leaveOut', junction)).not.toHaveProperty('patient_details');
		expect(applyPatientDataMode(order, undefined, junction)).not.toHaveProperty('patient_details');
	});
});

describe('patientFieldsOf', () => {
	it.each([lml, hurdle, junction])(
		"adds $providerName's own identifier fields to the shared ones",
		(provider) => {
			const fields = patientFieldsOf(provider);
			for (const field of PATIENT_IDENTIFIER_FIELDS) expect(fields.has(field)).toBe(true);
			expect(provider.patientFields.length).toBeGreaterThan(0);
			for (const field of provider.patientFields) expect(fields.has(field)).toBe(true);
		},
	);

	it("leaves one provider's field names alone in another's payloads", () => {
		const payload = { nhs_number: 'kept under Junction', patient_details: { first_name: 'Jane' } };
		expect(applyPatientDataMode(payload, 'leaveOut', junction)).toEqual({
			nhs_number: 'kept under Junction',
		});
		expect(applyPatientDataMode(payload, 'leaveOut', lml)).toEqual({
			patient_details: {},
		});
	});
});
