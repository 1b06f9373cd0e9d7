import { randomUUID } from 'node:crypto';

import type { FakeReply, FakeRequest, FakeServer } from '../fakeServer';
import type { Guard } from './api';
import { findRegistration, type LmlFakeData } from './data';

/**
 * The fake LML API's write endpoints, each request checked against LML's docs (api.londonmedicallaboratory.com
 * /docs/patients, /orders, /test-registrations) and answered as LML's SDK reads an answer: the record
 * with its `id`, or `{"error": "…"}` on a failed request. LML documents neither the status of a
 * validation error nor of a patient it matched: the fake answers 400 and 200 (201 for a new record).
 * Unknown fields are refused, so that a misspelt field fails here rather than being ignored by LML.
 */
type Row = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The new docs' genders (the SDK's non_binary and prefer_not_to_say are not documented there). */
const GENDERS = ['male', 'female', 'other'];
const ETHNICITIES = [
	'white_english',
	'white_irish',
	'white_gypsy',
	'white_other',
	'mixed_white_and_black_caribbean',
	'mixed_white_and_black_african',
	'mixed_white_and_asian',
	'mixed_other',
	'asian_indian',
	'asian_pakistani',
	'asian_bangladeshi',
	'asian_chinese',
	'asian_other',
	'black_african',
	'black_caribbean',
	'black_other',
	'other_arab',
	'other_undefined',
];

const refused = (message: string): FakeReply => ({ status: 400, json: { error: message } });

function jsonBody(request: FakeRequest): Row | undefined {
	try {
		const parsed = JSON.parse(request.body) as unknown;
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as Row)
			: undefined;
	} catch {
		return undefined;
	}
}

const isText = (value: unknown): value is string =>
	typeof value === 'string' && value.trim() !== '';
const isRealDate = (value: unknown) =>
	typeof value === 'string' &&
	DATE.test(value) &&
	new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
const isEmail = (value: unknown) =>
	typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** Problems of a body against a field table: required text, optional text, and no other fields. */
function fieldProblems(
	body: Row,
	where: string,
	{ required = [], optional = [] }: { required?: string[]; optional?: string[] },
): string[] {
	const problems: string[] = [];
	for (const key of required) if (!isText(body[key])) problems.push(`${where}${key} is required`);
	for (const key of optional) {
		if (body[key] !== undefined && body[key] !== null && typeof body[key] !== 'string')
			problems.push(`${where}${key} must be a string`);
	}
	for (const key of Object.keys(body))
		if (!required.includes(key) && !optional.includes(key))
			problems.push(`${where}${key} is not a field LML takes here`);
	return problems;
}

/** `{line1*, line2, line3, city*, postal_code*, country_code*}` (+ `company` on orders). */
function addressProblems(address: unknown, withCompany: boolean): string[] {
	if (typeof address !== 'object' || address === null || Array.isArray(address))
		return ['address must be an object'];
	const problems = fieldProblems(address as Row, 'address.', {
		required: ['line1', 'city', 'postal_code', 'country_code'],
		optional: ['line2', 'line3', ...(withCompany ? ['company'] : [])],
	});
	const country = (address as Row).country_code;
	if (isText(country) && !/^[A-Z]{2}$/.test(country))
		problems.push('address.country_code must be an ISO 3166-1 alpha-2 code');
	return problems;
}

/** The patient fields LML validates on a patient and on a registration it copies them to. */
function patientValueProblems(body: Row): string[] {
	const problems: string[] = [];
	if (body.email !== undefined && !isEmail(body.email))
		problems.push('email must be a valid email');
	if (body.date_of_birth !== undefined && !isRealDate(body.date_of_birth))
		problems.push('date_of_birth must be a date as YYYY-MM-DD');
	if (body.gender !== undefined && !GENDERS.includes(String(body.gender)))
		problems.push(`gender must be one of ${GENDERS.join(', ')}`);
	if (
		body.ethnicity !== undefined &&
		body.ethnicity !== null &&
		!ETHNICITIES.includes(String(body.ethnicity))
	)
		problems.push('ethnicity is not one of the ethnicity codes');
	return problems;
}

const sameText = (a: unknown, b: unknown) =>
	String(a ?? '')
		.trim()
		.toLowerCase() ===
	String(b ?? '')
		.trim()
		.toLowerCase();

function productOf(data: LmlFakeData, reference: { id?: unknown; sku?: unknown }): Row | undefined {
	return data.products.find((product) =>
		reference.id !== undefined ? product.id === reference.id : product.sku === reference.sku,
	);
}

let trfSequence = 5000;

/** A registration LML creates, for an order item or a direct registration. */
function newRegistration(fields: Row): Row {
	trfSequence++;
	return {
		id: randomUUID(),
		trf_code: `LML-CR${trfSequence}`,
		short_code: `CR${trfSequence}`,
		status: 'awaiting_patient',
		results_ready: false,
		patient_id: null,
		created_at: new Date().toISOString().slice(0, 10),
		completed_at: null,
		patient_registered_at: null,
		foreign_id: null,
		parent_id: null,
		...fields,
	};
}

/** Stores a create, and answers it; once `loseNextCreateAnswer` is set, the answer is a 502 instead. */
function created(data: LmlFakeData, store: () => Row, status = 201): FakeReply {
	const record = store();
	if (data.loseNextCreateAnswer) {
		data.loseNextCreateAnswer = false;
		return { status: 502, json: { error: 'Bad Gateway' } };
	}
	return { status, json: record };
}

function createPatient(data: LmlFakeData, body: Row): FakeReply {
	const problems = [
		...fieldProblems(body, '', {
			required: ['first_name', 'last_name', 'email', 'date_of_birth', 'gender'],
			optional: ['ethnicity', 'phone_number', 'foreign_id'],
		}).filter((problem) => !problem.startsWith('address ')),
		...patientValueProblems(body),
		...(body.address === undefined ? [] : addressProblems(body.address, false)),
	];
	if (problems.length) return refused(problems.join('; '));
	// Documented: a patient with the same first name, last name and date of birth is returned, not created.
	const match = data.patients.find(
		(patient) =>
			sameText(patient.first_name, body.first_name) &&
			sameText(patient.last_name, body.last_name) &&
			patient.date_of_birth === body.date_of_birth,
	);
	if (match) return { status: 200, json: match };
	if (
		isText(body.foreign_id) &&
		data.patients.some((patient) => patient.foreign_id === body.foreign_id)
	)
		return refused('foreign_id must be unique per brand');
	const { address, ...fields } = body;
	return created(data, () => {
		const patient: Row = {
			id: randomUUID(),
			ethnicity: null,
			phone_number: null,
			foreign_id: null,
			...fields,
			address_id: address ? randomUUID() : null,
		};
		data.patients.push(patient);
		return patient;
	});
}

function createOrder(data: LmlFakeData, body: Row): FakeReply {
	const problems = fieldProblems(body, '', {
		required: ['shipping_id'],
		optional: ['customer_id', 'shipping_date'],
	}).filter(
		(problem) =>
			!['items', 'customer', 'address', 'initial_appointment'].some((key) =>
				problem.startsWith(`${key} `),
			),
	);
	const items = Array.isArray(body.items) ? (body.items as Row[]) : [];
	if (!items.length) problems.push('items must be a non-empty list');
	const products: Row[] = [];
	items.forEach((item, index) => {
		const where = `items[${index}].`;
		if (typeof item !== 'object' || item === null) {
			problems.push(`${where} must be an object`);
			return;
		}
		problems.push(
			...fieldProblems(item, where, { optional: ['product_id', 'product_sku'] }).filter(
				(problem) => !problem.startsWith(`${where}quantity `),
			),
		);
		if (!Number.isInteger(item.quantity) || (item.quantity as number) < 1)
			problems.push(`${where}quantity must be an integer greater than 0`);
		const product = productOf(data, { id: item.product_id, sku: item.product_sku });
		if (item.product_id === undefined && item.product_sku === undefined)
			problems.push(`${where}product_id or ${where}product_sku is required`);
		else if (item.product_id !== undefined && !UUID.test(String(item.product_id)))
			problems.push(`${where}product_id must be a UUID`);
		else if (!product) problems.push(`${where} names no product`);
		else products.push(product);
	});
	const shipping = products.flatMap((product) => data.shipping[String(product.id)] ?? []);
	const method = shipping.find((entry) => entry.id === body.shipping_id);
	if (isText(body.shipping_id) && products.length === items.length && !method)
		problems.push('shipping_id is not a shipping method of these products');
	if (body.customer !== undefined) {
		const customer = body.customer as Row;
		problems.push(
			...fieldProblems(customer ?? {}, 'customer.', {
				required: ['email', 'first_name', 'last_name'],
				optional: ['phone_number'],
			}),
		);
		if (customer?.email !== undefined && !isEmail(customer.email))
			problems.push('customer.email must be a valid email');
	} else if (body.customer_id === undefined) {
		problems.push('customer or customer_id is required');
	}
	if (body.address !== undefined) problems.push(...addressProblems(body.address, true));
	else if (method?.type === 'home_kit') problems.push('address is required for a home kit');
	if (body.shipping_date !== undefined && !isRealDate(body.shipping_date))
		problems.push('shipping_date must be a date as YYYY-MM-DD');
	if (problems.length) return refused(problems.join('; '));

	return created(data, () => {
		const id = randomUUID();
		const registrations = items.flatMap((item, index) =>
			Array.from({ length: item.quantity as number }, () =>
				newRegistration({
					order_id: id,
					product_ids: [products[index].id],
					product_skus: [products[index].sku],
				}),
			),
		);
		data.testRegistrations.push(...registrations);
		const order: Row = {
			id,
			order_number: 20000 + data.orders.length,
			created_at: new Date().toISOString(),
			items,
			shipping_id: body.shipping_id,
			shipping_status: method?.type === 'home_kit' ? 'awaiting_shipping' : 'appointment',
			payment_status: 'to_invoice',
			...(body.customer ? { customer: body.customer } : { customer_id: body.customer_id }),
			...(body.address ? { address: body.address } : {}),
		};
		data.orders.push(order);
		// The older docs' answer: the order's id and the registrations it created.
		return {
			id,
			test_registrations: registrations.map((registration, index) => ({
				id: registration.id,
				trf_code: registration.trf_code,
				product: { id: products[index]?.id, sku: (registration.product_skus as string[])[0] },
			})),
		};
	});
}

function createRegistration(data: LmlFakeData, body: Row): FakeReply {
	const problems = fieldProblems(body, '', {
		required: ['patient_id'],
		optional: ['foreign_id'],
	}).filter(
		(problem) =>
			!['product_ids', 'product_skus', 'biomarker_codes'].some((key) =>
				problem.startsWith(`${key} `),
			),
	);
	const list = (key: string) => {
		const value = body[key];
		if (value === undefined) return [];
		if (!Array.isArray(value) || !value.every(isText)) {
			problems.push(`${key} must be a list of strings`);
			return [];
		}
		return value;
	};
	const ids = list('product_ids');
	const skus = list('product_skus');
	list('biomarker_codes');
	if (!ids.length && !skus.length) problems.push('product_ids or product_skus is required');
	for (const id of ids) if (!productOf(data, { id })) problems.push(`product_ids names no product`);
	for (const sku of skus)
		if (!productOf(data, { sku })) problems.push(`product_skus names no product`);
	const patient = data.patients.find((entry) => entry.id === body.patient_id);
	if (isText(body.patient_id) && !patient) problems.push('patient_id names no patient');
	if (problems.length) return refused(problems.join('; '));
	return created(data, () => {
		const registration = newRegistration({
			patient_id: body.patient_id,
			product_ids: [...ids, ...skus.map((sku) => productOf(data, { sku })!.id)],
			product_skus: [...ids.map((id) => productOf(data, { id })!.sku), ...skus],
			biomarker_codes: body.biomarker_codes ?? [],
			foreign_id: body.foreign_id ?? null,
			first_name: patient!.first_name,
			last_name: patient!.last_name,
			email: patient!.email,
			date_of_birth: patient!.date_of_birth,
			gender: patient!.gender,
		});
		data.testRegistrations.push(registration);
		return registration;
	});
}

/** The fields a registration PATCH may carry: the patient, the SDK's copies of it, a phone, an appointment. */
const PATCHABLE = [
	'patient_id',
	'first_name',
	'last_name',
	'email',
	'date_of_birth',
	'gender',
	'ethnicity',
	'mobile_phone_number',
	'appointment_id',
];

function updateRegistration(data: LmlFakeData, id: string, body: Row): FakeReply {
	const registration = findRegistration(data, id);
	if (!registration) return { status: 404, json: { error: 'Test registration not found' } };
	const problems = [
		...fieldProblems(body, '', { optional: PATCHABLE }),
		...patientValueProblems(body),
	];
	if (!Object.keys(body).length) problems.push('nothing to update');
	const patient = data.patients.find((entry) => entry.id === body.patient_id);
	if (body.patient_id !== undefined && !patient) problems.push('patient_id names no patient');
	if (problems.length) return refused(problems.join('; '));
	if (registration.patient_id && body.patient_id && registration.patient_id !== body.patient_id)
		return refused('The test registration is completed and locked');
	data.registrationUpdates.push({ id: String(registration.id), body });
	Object.assign(
		registration,
		patient
			? {
					first_name: patient.first_name,
					last_name: patient.last_name,
					email: patient.email,
					date_of_birth: patient.date_of_birth,
					gender: patient.gender,
					patient_registered_at: new Date().toISOString(),
				}
			: {},
		body,
	);
	return { status: 200, json: registration };
}

export function lmlWriteRoutes(server: FakeServer, data: LmlFakeData, guard: Guard): void {
	const withBody = (handle: (body: Row, request: FakeRequest) => FakeReply) =>
		guard((request) => {
			const body = jsonBody(request);
			return body ? handle(body, request) : refused('The body must be a JSON object');
		});
	server
		.route(
			'POST',
			'/api/patient/',
			withBody((body) => createPatient(data, body)),
		)
		.route(
			'POST',
			'/api/order/',
			withBody((body) => createOrder(data, body)),
		)
		.route(
			'POST',
			'/api/test_registration/',
			withBody((body) => createRegistration(data, body)),
		)
		.route(
			'PATCH',
			'/api/test_registration/:id',
			withBody((body, request) => updateRegistration(data, request.params.id, body)),
		)
		// For tests in another process: the next create is stored, and its answer lost (502).
		.route('POST', '/__lose-next-create-answer', () => {
			data.loseNextCreateAnswer = true;
			return { status: 200, json: { armed: true } };
		});
}
