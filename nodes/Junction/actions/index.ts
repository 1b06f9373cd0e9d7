import { defineActionNode } from '../../shared/actions/actionNode';
import { appointment } from './appointment/Appointment.resource';
import { labTest } from './labTest/LabTest.resource';
import { order } from './order/Order.resource';
import { orderTransaction } from './orderTransaction/OrderTransaction.resource';
import { result } from './result/Result.resource';
import { user } from './user/User.resource';
import { junction } from '../provider';

/** The first resource is the one the node opens with. */
export const junctionActions = defineActionNode(junction, [
	order,
	labTest,
	result,
	orderTransaction,
	user,
	appointment,
]);
