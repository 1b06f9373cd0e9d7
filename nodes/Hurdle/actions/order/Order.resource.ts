import { defineResource } from '../../../shared/actions/actionNode';
import cancel from './cancel.operation';
import create from './create.operation';
import get from './get.operation';
import getMany from './getMany.operation';

export const order = defineResource({ name: 'Order', value: 'order' }, [
	get,
	create,
	getMany,
	cancel,
]);
