import { NodeHelpers, type INodeParameters, type INodeType } from 'n8n-workflow';

import { Hurdle } from '../../../../nodes/Hurdle/Hurdle.node';
import { Junction } from '../../../../nodes/Junction/Junction.node';
import { LondonMedicalLaboratory } from '../../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratory.node';

/**
 * The create options as n8n reads them: n8n keeps of a node's saved parameters only what its
 * description declares, so an option the description misnames never reaches the operation.
 */
function asN8nReadsThem(node: INodeType, saved: INodeParameters): INodeParameters {
	const resolved = NodeHelpers.getNodeParameters(
		node.description.properties,
		saved,
		true,
		false,
		{ typeVersion: 1 },
		node.description,
	);
	if (!resolved) throw new Error('n8n resolved no parameters');
	return resolved;
}

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
