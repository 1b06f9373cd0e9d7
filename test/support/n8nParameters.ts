import { NodeHelpers, type INodeParameters, type INodeType } from 'n8n-workflow';

/**
 * A node's saved parameters as n8n reads them: n8n keeps only what the node's description declares, and
 * fills the defaults, so a parameter or option the description misnames never reaches the node.
 */
export function asN8nReadsThem(node: INodeType, saved: INodeParameters): INodeParameters {
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
