import type { IDataObject } from 'n8n-workflow';

import { LML_PENDING_REGISTRATION } from '../../../../dev/fakes/londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { lmlActionRig, registration } from '../actionRig';

const { data, operation } = lmlActionRig();
const getResults = operation('labResults', 'get');

describe('Lab Results › Get', () => {
	it('returns a summary with normalised rows and the raw results', async () => {
		const [item] = await getResults({
			testRegistrationId: registration(LML_SAMPLE_IDS.testRegistrationId),
			output: 'summary',
		});
		expect(item.json).toMatchObject({
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
			ready: true,
			summary: { total: 4, needingAttention: 2 },
		});
		expect((item.json.summary as IDataObject).text).toContain(
			'TSH 6.8 mU/L (high, range 0.27–4.2)',
		);
		expect(item.json.raw).toEqual(data.labResults[LML_SAMPLE_IDS.testRegistrationId]);
	});

	it('returns one item per biomarker', async () => {
		const items = await getResults({
			testRegistrationId: registration(LML_SAMPLE_IDS.testRegistrationId),
			output: 'biomarkerRows',
		});
		expect(items.map((item) => [item.json.biomarker, item.json.flag])).toEqual([
			['TSH', 'high'],
			['Free T4', 'normal'],
			['Vitamin D', 'low'],
			['Ferritin', 'normal'],
		]);
		expect(
			items.every((item) => item.json.testRegistrationId === LML_SAMPLE_IDS.testRegistrationId),
		).toBe(true);
	});

	it('answers "not ready" for a 204, without failing', async () => {
		const [item] = await getResults({
			testRegistrationId: registration(LML_PENDING_REGISTRATION),
			output: 'summary',
		});
		expect(item.json).toEqual({
			testRegistrationId: LML_PENDING_REGISTRATION,
			ready: false,
			message: 'LML has not released these results yet',
		});
	});
});
