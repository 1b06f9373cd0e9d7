import { defineActionNode } from '../../shared/actions/actionNode';
import { labResults } from './labResults/LabResults.resource';
import { order } from './order/Order.resource';
import { patient } from './patient/Patient.resource';
import { product } from './product/Product.resource';
import { testRegistration } from './testRegistration/TestRegistration.resource';
import { lml } from '../provider';

/** The first resource is the one the node opens with. */
export const lmlActions = defineActionNode(lml, [
	labResults,
	order,
	patient,
	product,
	testRegistration,
]);
