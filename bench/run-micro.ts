/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { benchmarkLedger, benchmarkVerification, printLedger, printVerification } from './micro';

const verification = benchmarkVerification();
process.stdout.write(`${printVerification(verification)}\n\n`);
process.stdout.write(`${printLedger(benchmarkLedger())}\n`);
