import { Hurdle } from '../../../../nodes/Hurdle/Hurdle.node';
import { Junction } from '../../../../nodes/Junction/Junction.node';
import { LondonMedicalLaboratory } from '../../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratory.node';
import { asN8nReadsThem } from '../../../support/n8nParameters';

describe("create options, through n8n's own parameter resolution", () => {
	it.each([
		['London Medical Laboratory', new LondonMedicalLaboratory()],
		['Hurdle', new Hurdle()],
	])('%s: Options › Allow Repeat Orders reaches the order create', (_name, node) => {
		const saved = { resource: 'order', operation: 'create', options: { allowRepeat: true } };
		expect(asN8nReadsThem(node, saved).options).toEqual({ allowRepeat: true });
		const unknown = { resource: 'order', operation: 'create', options: { allowRepeats: true } };
		expect(asN8nReadsThem(node, unknown).options).toEqual({});
	});

	it('Junction: Options › Idempotency Key reaches the order create', () => {
		const saved = {
			resource: 'order',
			operation: 'create',
			options: { idempotencyKey: 'retest-42' },
		};
		expect(asN8nReadsThem(new Junction(), saved).options).toEqual({ idempotencyKey: 'retest-42' });
	});
});
