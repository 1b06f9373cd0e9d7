import { benchmarkLedger, benchmarkVerification, printLedger, printVerification } from './micro';

const verification = benchmarkVerification();
process.stdout.write(`${printVerification(verification)}\n\n`);
process.stdout.write(`${printLedger(benchmarkLedger())}\n`);
