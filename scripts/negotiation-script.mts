// What the command-line scripts about one negotiation share (npm run export, npm run suggest):
// they run as whoever holds the database (the read check lets them through,
// server/trusted-script.ts), find the negotiation by its short name or say there is none
// (exit code 1), and close the database when done.
import { getDb } from "@/server/db";
import { getNegotiation } from "@/server/queries/negotiations";
import { runAsTrustedScript } from "@/server/trusted-script";

type Negotiation = NonNullable<Awaited<ReturnType<typeof getNegotiation>>>;

export async function runOnNegotiation(slug: string, work: (negotiation: Negotiation) => Promise<void>): Promise<void> {
  try {
    await runAsTrustedScript(async () => {
      const negotiation = await getNegotiation(slug);
      if (!negotiation) {
        console.error(`No negotiation has the short name “${slug}”.`);
        process.exitCode = 1;
        return;
      }
      await work(negotiation);
    });
  } finally {
    await (await getDb()).$disconnect();
  }
}
