import { getAuth } from "@/server/auth";

// Better Auth's endpoints (sign-in, sign-out, session). Its own checks apply: origin, rate limit.
export async function GET(request: Request) {
  return (await getAuth()).handler(request);
}
export async function POST(request: Request) {
  return (await getAuth()).handler(request);
}
