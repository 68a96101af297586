// `npm start`: install dependencies if missing or stale, then serve the app and print its address.
import { ensureDependencies, run } from './setup.mjs';

ensureDependencies();
const port = process.env.PORT ?? '5173';
console.log(`[start] Rendezvous at http://127.0.0.1:${port}/ (Ctrl+C stops it)`);
console.log(
  `[start] the example reveal.js deck: http://127.0.0.1:${port}/examples/deck/index.html`,
);
console.log(
  `[start] the reveal.js plugin for decks: http://127.0.0.1:${port}/rendezvous-reveal.js`,
);
process.exit(run('npx', ['vite', '--host', '127.0.0.1', '--port', port]));
