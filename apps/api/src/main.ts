import 'reflect-metadata';
import { bootHub } from './boot-hub';

bootHub({ api: true, worker: false });
