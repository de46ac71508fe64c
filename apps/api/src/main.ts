import 'reflect-metadata';
import { runHub } from './run-hub';

void runHub({ api: true, worker: false });
