import { LML_SAMPLE_IDS } from './samples';
import { LML_RESULT_REGISTRATIONS, lmlResultFixtures } from './resultFixtures';

export { LML_RESULT_REGISTRATIONS } from './resultFixtures';

/** A registration whose results are not ready: the fake answers 204. */
export const LML_PENDING_REGISTRATION = 'f0000000-0000-4000-8000-000000000204';
/** The patient of the sample registration (and of the retest, once assigned). */
export const LML_SAMPLE_PATIENT_ID = 'a1b2c3d4-0000-4000-8000-000000000000';

/** Registrations an order left waiting for their patient (Test Registration › Assign Patient). */
export const LML_AWAITING_PATIENT_REGISTRATIONS = [
	'a7a17000-0000-4000-8000-000000000001',
	'a7a17000-0000-4000-8000-000000000002',
	'a7a17000-0000-4000-8000-000000000003',
];

type Row = Record<string, unknown>;

/** The records the fake LML API serves, and what its write endpoints added. */
export interface LmlFakeData {
	testRegistrations: Row[];
	orders: Row[];
	products: Row[];
	labResults: Record<string, Row[]>;
	patients: Row[];
	/** Each product's shipping methods, by product id. */
	shipping: Record<string, Row[]>;
	/** Bodies of accepted `PATCH /api/test_registration/{id}` requests, in order. */
	registrationUpdates: Array<{ id: string; body: Row }>;
	/** The next create (order, registration, patient) is stored, then answered 502: its answer is lost. */
	loseNextCreateAnswer: boolean;
}

function registration(
	id: string,
	index: number,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		id,
		trf_code: `LML-AB${String(1000 + index)}`,
		short_code: `AB${String(1000 + index)}`,
		status: 'success',
		results_ready: true,
		patient_id: `a1b2c3d4-0000-4000-8000-${String(index).padStart(12, '0')}`,
		product_ids: ['e5f6a7b8-0000-4000-8000-000000000001'],
		product_skus: ['LML-THY-ADV'],
		first_name: 'Jane',
		last_name: 'Smith',
		email: 'jane.smith@example.com',
		date_of_birth: '1990-05-15',
		gender: 'female',
		created_at: '2024-03-15',
		foreign_id: `CLINIC-REF-${index}`,
		lab_id: '123-456',
		parent_id: null,
		uk_address: {
			line1: '1 High Street',
			city: 'London',
			postal_code: 'N1 1AA',
			country_code: 'GB',
		},
		...extra,
	};
}

export function lmlFakeData(
	counts = { registrations: 250, orders: 230, products: 40 },
): LmlFakeData {
	const testRegistrations = [
		registration(LML_SAMPLE_IDS.testRegistrationId, 0),
		// A retest waits for its patient: the retest example assigns the original's.
		registration(LML_SAMPLE_IDS.retestTestRegistrationId, 1, {
			parent_id: LML_SAMPLE_IDS.testRegistrationId,
			status: 'pending',
			results_ready: false,
			patient_id: null,
		}),
		registration(LML_PENDING_REGISTRATION, 2, { status: 'pending', results_ready: false }),
		...Object.values(LML_RESULT_REGISTRATIONS).map((id, offset) => registration(id, 3 + offset)),
	];
	testRegistrations.push(
		...LML_AWAITING_PATIENT_REGISTRATIONS.map((id, offset) =>
			registration(id, testRegistrations.length + offset, {
				status: 'awaiting_patient',
				results_ready: false,
				lab_id: null,
				patient_id: null,
				first_name: null,
				last_name: null,
				email: null,
				date_of_birth: null,
				gender: null,
				uk_address: null,
			}),
		),
	);
	for (let index = testRegistrations.length; index < counts.registrations; index++) {
		testRegistrations.push(
			registration(`b0000000-0000-4000-8000-${String(index).padStart(12, '0')}`, index),
		);
	}
	const orders = Array.from({ length: counts.orders }, (_, index) => ({
		id:
			index === 0
				? LML_SAMPLE_IDS.orderId
				: `c0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		order_number: 10000 + index,
		created_at: '2024-03-10T10:00:00+00:00',
		items: [{ product_sku: 'LML-THY-ADV', quantity: 1 }],
		price: { amount_minor: 4900, currency: 'GBP', formatted_value: '49.00' },
		customer: {
			email: 'jane.smith@example.com',
			first_name: 'Jane',
			last_name: 'Smith',
			phone_number: '+447700900123',
		},
		shipping_status: 'shipped',
		payment_status: 'paid',
		carrier: 'royal_mail',
		tracking_number: `RM${String(100000000 + index)}GB`,
	}));
	const products = Array.from({ length: counts.products }, (_, index) => ({
		id: `d0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		name: index === 0 ? 'Advanced Thyroid Function' : `Blood Test ${index}`,
		sku: index === 0 ? 'LML-THY-ADV' : `LML-P${index}`,
		price: {
			amount_minor: 2900 + index * 100,
			currency: 'GBP',
			formatted_value: `${29 + index}.00`,
		},
	}));
	const shipping = Object.fromEntries(
		products.map((product, index) => [product.id, shippingMethods(index)]),
	);
	const patients = [
		{
			id: LML_SAMPLE_PATIENT_ID,
			first_name: 'Jane',
			last_name: 'Smith',
			email: 'jane.smith@example.com',
			date_of_birth: '1990-05-15',
			gender: 'female',
			ethnicity: null,
			phone_number: '+447700900123',
			foreign_id: 'CLINIC-PATIENT-0',
			address_id: null,
		},
	];
	const labResults = {
		...lmlResultFixtures(),
		[LML_SAMPLE_IDS.testRegistrationId]: [
			{
				id: 'r1',
				name: 'TSH',
				code: 'TSH',
				value: '6.8',
				min_range: '0.27',
				max_range: '4.2',
				unit_type: 'mU/L',
				out_of_range: 'high',
				successful: true,
				comment: 'Raised TSH',
				biomarker_id: 'bm-1',
			},
			{
				id: 'r2',
				name: 'Free T4',
				code: 'FT4',
				value: '14.2',
				min_range: '12',
				max_range: '22',
				unit_type: 'pmol/L',
				out_of_range: null,
				successful: true,
				comment: null,
				biomarker_id: 'bm-2',
			},
			{
				id: 'r3',
				name: 'Vitamin D',
				code: 'VITD',
				value: '31',
				min_range: '50',
				max_range: '175',
				unit_type: 'nmol/L',
				out_of_range: null,
				successful: true,
				comment: null,
				biomarker_id: 'bm-3',
			},
			{
				id: 'r4',
				name: 'Ferritin',
				code: 'FERR',
				value: '88',
				min_range: '13',
				max_range: '150',
				unit_type: 'ug/L',
				out_of_range: null,
				successful: true,
				comment: null,
				biomarker_id: 'bm-4',
			},
		],
	};
	return {
		testRegistrations,
		orders,
		products,
		labResults,
		patients,
		shipping,
		registrationUpdates: [],
		loseNextCreateAnswer: false,
	};
}

/** Every product ships as a postal kit; every third one can also be collected at a clinic. */
function shippingMethods(productIndex: number): Row[] {
	const id = (kind: number) =>
		`5e000000-0000-4000-8000-${String(productIndex * 10 + kind).padStart(12, '0')}`;
	const methods: Row[] = [
		{
			id: id(1),
			name: 'Royal Mail Tracked 24',
			type: 'home_kit',
			description: 'A sample kit by post',
			price: { amount_minor: 395, currency: 'GBP', formatted_value: '3.95' },
		},
	];
	if (productIndex % 3 === 0) {
		methods.push({
			id: id(2),
			name: 'Walk-in clinic',
			type: 'walk_in',
			description: 'A blood draw at one of our clinics',
			price: { amount_minor: 0, currency: 'GBP', formatted_value: '0.00' },
		});
	}
	return methods;
}

/** A product as `GET /api/product/{id}` gives it: the list entry and its details. */
export function productDetails(product: Row): Row {
	return {
		...product,
		slug: String(product.sku).toLowerCase(),
		description: `${String(product.name)}: what it measures and why.`,
		turnaround_time: 3,
		sample_collection_instructions: 'Fast for 8 hours before the test.',
	};
}

/** A registration by its UUID, TRF code or foreign ID, as LML finds one. */
export function findRegistration(data: LmlFakeData, id: string) {
	return data.testRegistrations.find(
		(entry) => entry.id === id || entry.trf_code === id || entry.foreign_id === id,
	);
}
