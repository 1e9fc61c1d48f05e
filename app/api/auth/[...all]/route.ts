import { CLIENT_ADDRESS_HEADER, getAuth } from "@/server/auth";
import { requestClientAddress } from "@/server/client-address";

// Better Auth's endpoints (sign-in, sign-out, session). Its own checks apply: origin, rate limit.
// The rate limit keys on the client's address as Parley works it out (trusted proxies only),
// passed in a header that no client value can fill.
async function handle(request: Request) {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const address = requestClientAddress(request.headers);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers, signal: request.signal };
  if (request.body) {
    init.body = request.body;
    init.duplex = "half";
  }
  return (await getAuth()).handler(new Request(request.url, init));
}

export const GET = handle;
export const POST = handle;
