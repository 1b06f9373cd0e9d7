import { defineResource } from '../../../shared/operations';
import get from './get.operation';

export const orderTransaction = defineResource(
	{ name: 'Order Transaction', value: 'orderTransaction' },
	[get],
);
