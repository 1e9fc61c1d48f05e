// npm run user:create -- --email ada@example.org --name "Ada" --role admin --password '...'
// (or PARLEY_PASSWORD in the environment, to keep it out of the shell history).
import { parseArgs } from "node:util";
import { createUser, newUserSchema } from "@/server/users";
import { getDb } from "@/server/db";
import { ValidationError } from "@/server/errors";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "editor" }, password: { type: "string" } },
});
const parsed = newUserSchema.safeParse({
  email: values.email,
  name: values.name ?? values.email?.split("@")[0],
  role: values.role,
  password: values.password ?? process.env.PARLEY_PASSWORD,
});
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  console.error('usage: npm run user:create -- --email EMAIL --name NAME --role viewer|editor|admin --password PASSWORD');
  process.exit(2);
}
try {
  const user = await createUser(parsed.data);
  console.log(`Created ${user.role} ${user.email}.`);
} catch (error) {
  if (error instanceof ValidationError) {
    console.error(Object.values(error.fieldErrors).flat().join("\n"));
    process.exit(1);
  }
  throw error;
} finally {
  await (await getDb()).$disconnect();
}
