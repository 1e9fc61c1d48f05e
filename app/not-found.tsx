import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page-narrow">
      <h1>Not found</h1>
      <p>There is nothing at this address: the record may never have existed, or it was moved to the trash.</p>
      <p>
        <Link href="/">Back to all negotiations</Link>
      </p>
    </div>
  );
}
