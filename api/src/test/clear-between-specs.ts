import { clearCollections } from './test-database.js';

// Loaded by the runner as a Jasmine helper: a global hook, so no spec can forget it.
beforeEach(clearCollections);
