// The Till screen (not built yet: the frame only).

import { startScreen } from '../lib/shell.js';

await startScreen('till');
