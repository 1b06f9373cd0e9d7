import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { toItems } from '../../../shared/operations';
import { limitFrom } from '../../../shared/pagination';
import { hurdleList } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['getMany'] } },
	returnAllOrLimit(),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = limitFrom(returnAll, this.getNodeParameter('limit', itemIndex, 50) as number);
	return toItems(await hurdleList(this, '/products/v1', {}, limit));
}
