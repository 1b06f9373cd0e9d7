import { defineResource } from '../../../shared/actions/actionNode';
import get from './get.operation';

export const orderTransaction = defineResource(
	{ name: 'Order Transaction', value: 'orderTransaction' },
	[get],
);
