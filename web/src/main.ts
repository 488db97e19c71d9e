// Entry point of the explorer bundle.
import './styles.css';
import { Explorer } from './explorer.ts';
import { exposeDebugHandle } from './debug.ts';

const explorer = new Explorer();
exposeDebugHandle(explorer);
explorer.start().catch((error: Error) => {
  document.getElementById('map')?.replaceChildren(Explorer.fatal(error.message));
});
