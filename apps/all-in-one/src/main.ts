import 'reflect-metadata';
import { bootHub } from '../../api/src/boot-hub';

// `npm run start:single`: api and worker in one process, for a single machine.
bootHub({ api: true, worker: true });
