import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { getProduct } from '../../transport';
import { productAt, productProperty } from '../productLocator';

export default defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a product',
	description:
		'Get a product with its description, price, turnaround time and collection instructions, by ID or SKU',
	properties: [productProperty()],
	async execute(itemIndex) {
		return toItems(await getProduct(this, productAt(this, itemIndex), itemIndex));
	},
});
