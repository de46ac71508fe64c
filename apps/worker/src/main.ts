import 'reflect-metadata';
import { bootHub } from '../../api/src/boot-hub';

// `npm run start:worker`: Bull processors plus /api/health and /metrics; run as many as you like.
bootHub({ api: false, worker: true });
