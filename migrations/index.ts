// Every migration, in order. `npm run migration:generate -- migrations/<Name>` writes a new file; add its class here.
import { Foundation1795526452138 } from './1795526452138-Foundation';

export const MIGRATIONS: Function[] = [Foundation1795526452138];
