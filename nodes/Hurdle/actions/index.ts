import { defineActionNode } from '../../shared/operations';
import { order } from './order/Order.resource';
import { product } from './product/Product.resource';
import { test } from './test/Test.resource';

/** The first resource is the one the node opens with. */
export const hurdleActions = defineActionNode([test, order, product]);
