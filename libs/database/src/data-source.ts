// Entry point for the TypeORM CLI (npm run migration:*). Nest builds its
// connection from the same dataSourceOptions() in DatabaseModule.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@hub/config';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
