import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { Hurdle } from '../../../nodes/Hurdle/Hurdle.node';
import { hurdleActions } from '../../../nodes/Hurdle/actions';
import { Junction } from '../../../nodes/Junction/Junction.node';
import { junctionActions } from '../../../nodes/Junction/actions';
import { LondonMedicalLaboratory } from '../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratory.node';
import { lmlActions } from '../../../nodes/LondonMedicalLaboratory/actions';
import type { ActionNode } from '../../../nodes/shared/actions/actionNode';

const nodes: Array<[string, INodeType, ActionNode]> = [
	['London Medical Laboratory', new LondonMedicalLaboratory(), lmlActions],
	['Hurdle', new Hurdle(), hurdleActions],
	['Junction', new Junction(), junctionActions],
];

const values = (property: INodeProperties) =>
	(property.options as INodePropertyOptions[]).map((option) => String(option.value));

describe.each(nodes)('%s action node', (_name, node, actions) => {
	const { properties } = node.description;

	it('offers every resource with one Operation menu each', () => {
		const resources = values(properties.find((property) => property.name === 'resource')!);
		const menus = properties.filter((property) => property.name === 'operation');
		expect(menus.map((menu) => String(menu.displayOptions?.show?.resource)).sort()).toEqual(
			[...resources].sort(),
		);
	});

	it("shows each operation's parameters only under its own resource and an operation of it", () => {
		for (const resource of actions.resources) {
			const [menu, ...parameters] = resource.properties;
			expect(menu.name).toBe('operation');
			for (const parameter of parameters) {
				const show = parameter.displayOptions?.show;
				expect(show?.resource).toEqual([resource.option.value]);
				expect(show?.operation).toHaveLength(1);
				expect(values(menu)).toContain(String(show!.operation![0]));
			}
		}
	});

	it('ends with Patient Details, shown for every operation', () => {
		expect(properties[properties.length - 1]).toMatchObject({
			name: 'patientData',
			default: 'leaveOut',
		});
		expect(properties[properties.length - 1].displayOptions).toBeUndefined();
	});
});
