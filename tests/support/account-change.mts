// One admin change in a process of its own (its own connection to the database file), started
// at an agreed moment, for the two-server race in tests/db/identity.test.ts. Prints one JSON line.
// Usage: tsx --conditions=react-server tests/support/account-change.mts <demote|disable> <userId> <startAtMs>
import { setDisabled, setRole } from "@/server/users";
import { getDb } from "@/server/db";

const [op, userId, startAt] = process.argv.slice(2);
await getDb(); // open the connection before the agreed moment, so both start together
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const began = Date.now();
try {
  if (op === "demote") await setRole(userId!, "viewer");
  else await setDisabled(userId!, true);
  console.log(JSON.stringify({ ok: true, began }));
} catch (error) {
  const e = error as { name?: string; message?: string; fieldErrors?: unknown };
  console.log(JSON.stringify({ ok: false, began, name: e.name, message: e.message, fieldErrors: e.fieldErrors }));
}
process.exit(0);
