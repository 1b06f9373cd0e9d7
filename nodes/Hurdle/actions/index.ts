import { defineActionNode } from '../../shared/actions/actionNode';
import { order } from './order/Order.resource';
import { product } from './product/Product.resource';
import { test } from './test/Test.resource';
import { hurdle } from '../provider';

/** The first resource is the one the node opens with. */
export const hurdleActions = defineActionNode(hurdle, [test, order, product]);
