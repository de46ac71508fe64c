import 'reflect-metadata';
import { runHub } from '../../api/src/run-hub';

// `npm run start:worker`: Bull processors plus /api/health and /metrics; run as many as you like.
void runHub({ api: false, worker: true });
