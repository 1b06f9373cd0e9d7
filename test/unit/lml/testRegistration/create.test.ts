import { LML_SAMPLE_PATIENT_ID } from '../../../../dev/fakes/londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { lmlUnderTest } from '../lmlNode';

const lml = lmlUnderTest();
const [thyroid, second] = lml.data.products;

const create = (additionalFields: Record<string, unknown> = {}) => ({
	resource: 'testRegistration',
	operation: 'create',
	patientId: LML_SAMPLE_PATIENT_ID,
	product: { mode: 'list', value: thyroid.id, cachedResultName: 'Advanced Thyroid Function' },
	additionalFields,
});
const event = (deliveryId: string) => ({
	input: [{ deliveryId, event: 'test_registration.retest' }],
});
const withForeignId = (foreignId: unknown) =>
	lml.data.testRegistrations.filter((registration) => registration.foreign_id === foreignId);

describe('LML Test Registration › Create', () => {
	it('looks its foreign ID up, then creates the registration with it', async () => {
		const [item] = await lml.run(
			create({ moreProducts: `${String(second.sku)}, `, biomarkerCodes: 'TSH,\nFT4' }),
			event('delivery-1'),
		);
		const [body] = lml.bodies('POST', '/api/test_registration/');
		expect(body).toEqual({
			patient_id: LML_SAMPLE_PATIENT_ID,
			product_ids: [thyroid.id],
			product_skus: [second.sku],
			biomarker_codes: ['TSH', 'FT4'],
			foreign_id: expect.stringMatching(/^n8n-[0-9a-f]{32}$/),
		});
		expect(lml.lines()).toEqual([
			`GET /api/test_registration/${String(body.foreign_id)}`,
			'POST /api/test_registration/',
		]);
		expect(withForeignId(body.foreign_id)).toHaveLength(1);
		expect(item.json).toMatchObject({
			id: withForeignId(body.foreign_id)[0].id,
			foreign_id: body.foreign_id,
			patient_id: LML_SAMPLE_PATIENT_ID,
		});
		expect(item.json).not.toHaveProperty('alreadyCreated');
	});

	it('run again on the same item, returns the registration it created instead of a second one', async () => {
		const [first] = await lml.run(create(), event('delivery-2'));
		const [again] = await lml.run(create(), event('delivery-2'));
		expect(again.json).toMatchObject({
			id: first.json.id,
			alreadyCreated: true,
			message: 'Not created again: LML already has a registration with this foreign ID',
		});
		expect(withForeignId(first.json.foreign_id)).toHaveLength(1);
		expect(lml.lines().filter((line) => line.startsWith('POST'))).toHaveLength(1);
	});

	it('gives another event, or another workflow, its own registration', async () => {
		const [first] = await lml.run(create(), event('delivery-3'));
		const [otherEvent] = await lml.run(create(), event('delivery-4'));
		const [otherWorkflow] = await lml.run(create(), {
			...event('delivery-3'),
			workflowId: 'workflow-2',
		});
		const foreignIds = [first, otherEvent, otherWorkflow].map((item) => item.json.foreign_id);
		expect(new Set(foreignIds).size).toBe(3);
		expect(lml.lines().filter((line) => line.startsWith('POST'))).toHaveLength(3);
	});

	it('uses the Foreign ID entered, and returns the registration that already has it', async () => {
		const [item] = await lml.run(
			create({ foreignId: 'test:abnormal_high:ref-1' }),
			event('delivery-5'),
		);
		expect(lml.bodies('POST', '/api/test_registration/')[0].foreign_id).toBe(
			'test:abnormal_high:ref-1',
		);
		const [again] = await lml.run(
			create({ foreignId: 'test:abnormal_high:ref-1' }),
			event('delivery-6'),
		);
		expect(again.json).toMatchObject({ id: item.json.id, alreadyCreated: true });
		expect(withForeignId('test:abnormal_high:ref-1')).toHaveLength(1);
	});

	it("refuses a Foreign ID that names another patient's registration, creating nothing", async () => {
		const taken = lml.data.testRegistrations[10];
		await expect(
			lml.run({ ...create({ foreignId: taken.foreign_id }), patientId: LML_SAMPLE_IDS.orderId }),
		).rejects.toThrow("The foreign ID already names a registration that is not this patient's");
		expect(lml.lines()).toEqual([`GET /api/test_registration/${String(taken.foreign_id)}`]);
	});

	it('finds the registration by its foreign ID when LML created it but its answer was lost', async () => {
		lml.data.loseNextCreateAnswer = true;
		const [item] = await lml.run(create(), event('delivery-7'));
		const foreignId = lml.bodies('POST', '/api/test_registration/')[0].foreign_id;
		expect(lml.lines()).toEqual([
			`GET /api/test_registration/${String(foreignId)}`,
			'POST /api/test_registration/',
			`GET /api/test_registration/${String(foreignId)}`,
		]);
		expect(withForeignId(foreignId)).toHaveLength(1);
		expect(item.json).toMatchObject({
			id: withForeignId(foreignId)[0].id,
			message:
				'LML did not confirm the create, but has a registration with this foreign ID: this is it',
		});
		expect(item.json.alreadyCreated).toBeUndefined();
	});

	it("passes LML's refusal on, naming the field, when the patient is unknown", async () => {
		const error = (await lml
			.run({ ...create(), patientId: 'a1b2c3d4-0000-4000-8000-000000000404' }, event('delivery-8'))
			.catch((caught: Error) => caught)) as Error & { description?: string };
		expect(error.message).toBe('London Medical Laboratory rejected the request (HTTP 400)');
		expect(error.description).toContain('patient_id names no patient');
	});

	it('stops before any request when the product is empty', async () => {
		await expect(lml.run({ ...create(), product: { mode: 'list', value: '' } })).rejects.toThrow(
			'Product is empty',
		);
		expect(lml.lines()).toEqual([]);
	});
});
