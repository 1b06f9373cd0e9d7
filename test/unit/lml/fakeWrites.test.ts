import {
	createLmlFake,
	LML_FAKE_TOKEN,
	lmlFakeData,
} from '../../../dev/fakes/londonMedicalLaboratory/api';

/** The fake LML API refuses, as `{"error": …}`, what LML's docs do not allow: the node's tests lean on it. */
const data = lmlFakeData();
const fake = createLmlFake(data);
beforeAll(async () => await fake.start());
afterAll(async () => await fake.stop());

async function post(path: string, body: unknown, method = 'POST') {
	const response = await fetch(`${fake.url}${path}`, {
		method,
		headers: { authorization: `Bearer ${LML_FAKE_TOKEN}` },
		body: JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const patient = {
	first_name: 'Ana',
	last_name: 'Lopez',
	email: 'ana@example.com',
	date_of_birth: '1988-02-29',
	gender: 'female',
};
const [thyroid] = data.products;
const [postal] = data.shipping[String(thyroid.id)];
const order = {
	items: [{ product_id: thyroid.id, quantity: 1 }],
	shipping_id: postal.id,
	customer: { email: 'sam@example.com', first_name: 'Sam', last_name: 'Lee' },
	address: { line1: '2 Mill Lane', city: 'Leeds', postal_code: 'LS1 2AA', country_code: 'GB' },
};

describe('the fake LML API checks writes against the docs', () => {
	it.each([
		[
			'an undocumented gender',
			{ ...patient, gender: 'non_binary' },
			'gender must be one of male, female, other',
		],
		[
			'a date that is not YYYY-MM-DD',
			{ ...patient, date_of_birth: '29/02/1988' },
			'date_of_birth must be a date as YYYY-MM-DD',
		],
		['a missing email', { ...patient, email: undefined }, 'email is required'],
		['an unknown field', { ...patient, sex: 'f' }, 'sex is not a field LML takes here'],
		[
			'an address without a postcode',
			{ ...patient, address: { line1: 'x', city: 'y', country_code: 'GB' } },
			'address.postal_code is required',
		],
	])('patient: %s', async (_, body, message) => {
		const { status, json } = await post('/api/patient/', body);
		expect(status).toBe(400);
		expect(json.error).toContain(message);
	});

	it.each([
		['no items', { ...order, items: [] }, 'items must be a non-empty list'],
		[
			'a quantity of 0',
			{ ...order, items: [{ product_id: thyroid.id, quantity: 0 }] },
			'items[0].quantity must be an integer greater than 0',
		],
		['no customer', { ...order, customer: undefined }, 'customer or customer_id is required'],
		[
			'a home kit without an address',
			{ ...order, address: undefined },
			'address is required for a home kit',
		],
		[
			'a lower-case country',
			{ ...order, address: { ...order.address, country_code: 'gb' } },
			'address.country_code must be an ISO 3166-1 alpha-2 code',
		],
	])('order: %s', async (_, body, message) => {
		const { status, json } = await post('/api/order/', body);
		expect(status).toBe(400);
		expect(json.error).toContain(message);
	});

	it('test registration: products are required, and must exist', async () => {
		const patientId = data.patients[0].id;
		expect((await post('/api/test_registration/', { patient_id: patientId })).json.error).toContain(
			'product_ids or product_skus is required',
		);
		expect(
			(await post('/api/test_registration/', { patient_id: patientId, product_skus: ['NOPE'] }))
				.json.error,
		).toContain('product_skus names no product');
	});

	it("registration PATCH: only a registration's patient fields, and a known patient", async () => {
		const id = data.testRegistrations[3].id;
		expect(
			(await post(`/api/test_registration/${String(id)}`, { status: 'success' }, 'PATCH')).json
				.error,
		).toContain('status is not a field LML takes here');
		expect(
			(await post(`/api/test_registration/${String(id)}`, { patient_id: 'nobody' }, 'PATCH')).json
				.error,
		).toContain('patient_id names no patient');
	});
});
