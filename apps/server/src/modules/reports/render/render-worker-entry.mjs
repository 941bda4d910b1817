// Entry of a render worker thread. The server runs TypeScript through tsx (npm start registers it in the main
// thread only; Vitest transforms only its own imports), so each worker registers tsx itself before loading the
// TypeScript renderer.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
