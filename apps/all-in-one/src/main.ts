import 'reflect-metadata';
import { runHub } from '../../api/src/run-hub';

// `npm start`: api and worker in one process, for a single machine.
void runHub({ api: true, worker: true });
