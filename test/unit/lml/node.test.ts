import { LML_SAMPLE_IDS } from '../../../dev/fakes/londonMedicalLaboratory/samples';
import { lmlActionRig, registration } from './actionRig';

const { run } = lmlActionRig();

describe('London Medical Laboratory: errors', () => {
	it('explains a rejected token', async () => {
		await expect(
			run(
				{ resource: 'order', operation: 'get', orderId: LML_SAMPLE_IDS.orderId },
				{ credentials: 'expired' },
			),
		).rejects.toThrow('London Medical Laboratory did not accept the credential');
	});

	it('says when a record does not exist', async () => {
		await expect(run({ resource: 'order', operation: 'get', orderId: 'missing' })).rejects.toThrow(
			'London Medical Laboratory has no such resource',
		);
	});

	it.each([
		['order get', { resource: 'order', operation: 'get', orderId: 'missing' }],
		[
			'test registration get',
			{
				resource: 'testRegistration',
				operation: 'get',
				testRegistrationId: registration('missing'),
			},
		],
		[
			'lab results get',
			{
				resource: 'labResults',
				operation: 'get',
				testRegistrationId: registration('missing'),
				output: 'summary',
			},
		],
		[
			'results PDF',
			{
				resource: 'labResults',
				operation: 'downloadPdf',
				testRegistrationId: registration('missing'),
				binaryPropertyName: 'data',
			},
		],
	])('names the input item an API error belongs to (%s)', async (_name, failing) => {
		const ok = { resource: 'order', operation: 'get', orderId: LML_SAMPLE_IDS.orderId };
		const error = await run([ok, failing]).catch((thrown: unknown) => thrown);
		expect(error).toMatchObject({
			message: 'London Medical Laboratory has no such resource',
			context: { itemIndex: 1 },
		});
	});

	it('continues on fail, one output per input item, each paired with its input', async () => {
		const items = await run(
			[
				{ resource: 'order', operation: 'get', orderId: 'missing' },
				{ resource: 'order', operation: 'get', orderId: LML_SAMPLE_IDS.orderId },
			],
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(2);
		expect(items[0]).toEqual({
			json: { error: 'London Medical Laboratory has no such resource' },
			pairedItem: { item: 0 },
		});
		expect(items[1]).toMatchObject({
			json: { id: LML_SAMPLE_IDS.orderId },
			pairedItem: { item: 1 },
		});
	});
});
