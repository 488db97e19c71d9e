// A process that takes and releases one store lock as fast as it can, for the lock-churn
// test: prints how many times it held the lock and each failure's message.
import { withStoreLock } from '../../src/store/storeLock.ts';

const [dir, times] = process.argv.slice(2);
let held = 0;
const failures: string[] = [];
for (let i = 0; i < Number(times); i++) {
  try {
    await withStoreLock(`${dir}/ingest.lock`, dir, {}, async () => {
      held++;
    });
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
}
console.log(JSON.stringify({ held, failures }));
