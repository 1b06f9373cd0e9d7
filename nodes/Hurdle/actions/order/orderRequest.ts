import type { IDataObject } from 'n8n-workflow';
import { withoutEmpty } from '../../../shared/values';

/**
 * What Order › Create sends to `POST /orders/v3`, and what Hurdle requires of it, in one place.
 *
 * Documented (docs/order-creation, the only v3 example): `productCode`, `quantity` and `delivery`
 * with `address {addressLine1, addressLine2, city, postcode, countryCode}`, `firstName`, `lastName`,
 * `email`, `mobileNumber`. The rules are documented for v2 (post_orders-v2) and the product list
 * (docs/product-information): US orders need a state and physician details and a quantity of 1, a
 * county is only allowed outside the US, and products whose `patientDataInput` is
 * `REQUIRED_WITH_ORDER` need the patient's first name, last name, date of birth and sex.
 *
 * ASSUMPTION: where v3 takes the patient, the state, the county and the physician is not documented.
 * `orderBody` sends `patient {firstName, lastName, dateOfBirth, sex}` (the names of Hurdle's Users API),
 * `delivery.address.state` / `.county`, and `physicianDetails {firstName, lastName, npi}` (v2's name;
 * its fields are not documented either). If Hurdle answers that a field is misplaced, correct it here.
 */
export interface HurdleOrder {
	productCode: string;
	quantity: number;
	delivery: {
		firstName: string;
		lastName: string;
		email: string;
		mobileNumber: string;
		address: {
			addressLine1: string;
			addressLine2?: string;
			city: string;
			postcode: string;
			/** Upper-case ISO 3166-1 alpha-2. */
			countryCode: string;
			state?: string;
			county?: string;
		};
	};
	/** Only the fields entered. */
	patient: { firstName?: string; lastName?: string; dateOfBirth?: string; sex?: string };
	physicianDetails: { firstName?: string; lastName?: string; npi?: string };
	notes?: string;
	appointmentSlotId?: string;
}

/** The value of a product's `patientDataInput` that makes the patient part of the order. */
export const PATIENT_DATA_WITH_ORDER = 'REQUIRED_WITH_ORDER';

const PATIENT_FIELDS = {
	firstName: 'Patient › First Name',
	lastName: 'Patient › Last Name',
	dateOfBirth: 'Patient › Date of Birth',
	sex: 'Patient › Sex',
} as const;

const PHYSICIAN_FIELDS = {
	firstName: 'Physician Details › First Name',
	lastName: 'Physician Details › Last Name',
	npi: 'Physician Details › NPI',
} as const;

function missingOf<T extends object>(values: T, labels: Record<keyof T & string, string>) {
	return (Object.keys(labels) as Array<keyof T & string>)
		.filter((key) => !values[key])
		.map((key) => labels[key]);
}

const listed = (labels: string[]) =>
	labels.length < 2
		? labels.join('')
		: `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;

/**
 * Why Hurdle would refuse the order, in words naming the parameters (never their values: they are
 * patient data); empty if nothing is wrong. `product` is its entry in the product list, if it is listed.
 */
export function orderProblems(order: HurdleOrder, product?: IDataObject): string[] {
	const problems: string[] = [];
	const { address } = order.delivery;
	const us = address.countryCode === 'US';
	if (product?.patientDataInput === PATIENT_DATA_WITH_ORDER) {
		const missing = missingOf(order.patient, PATIENT_FIELDS);
		if (missing.length) {
			problems.push(
				`${listed(missing)} missing: product ${order.productCode} needs the patient's name, date of birth and sex with the order`,
			);
		}
	}
	const { dateOfBirth } = order.patient;
	if (
		dateOfBirth &&
		(!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) || Number.isNaN(Date.parse(dateOfBirth)))
	)
		problems.push(`${PATIENT_FIELDS.dateOfBirth} must be a date written as YYYY-MM-DD`);
	const { sex } = order.patient;
	if (sex && sex !== 'f' && sex !== 'm') problems.push(`${PATIENT_FIELDS.sex} must be f or m`);
	if (us) {
		const missing = [
			...(address.state ? [] : ['State']),
			...missingOf(order.physicianDetails, PHYSICIAN_FIELDS),
		];
		if (missing.length) problems.push(`${listed(missing)} missing: US orders need them`);
		if (order.quantity !== 1) problems.push('Quantity must be 1 for US orders');
		if (address.county) problems.push('County is only for orders outside the US');
	} else if (address.state) {
		problems.push('State is only for US orders');
	}
	const { npi } = order.physicianDetails;
	if (npi && !/^\d{10}$/.test(npi)) problems.push(`${PHYSICIAN_FIELDS.npi} must be 10 digits`);
	return problems;
}

/** The `POST /orders/v3` body; see the assumption above for `patient`, state, county and physician. */
export function orderBody(order: HurdleOrder): IDataObject {
	const { address, ...contact } = order.delivery;
	const patient = withoutEmpty(order.patient);
	const physicianDetails = withoutEmpty(order.physicianDetails);
	return withoutEmpty({
		productCode: order.productCode,
		quantity: order.quantity,
		delivery: { address: withoutEmpty({ ...address }), ...contact },
		...(Object.keys(patient).length ? { patient } : {}),
		...(Object.keys(physicianDetails).length ? { physicianDetails } : {}),
		notes: order.notes,
		appointmentSlotId: order.appointmentSlotId,
	});
}
