"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page-narrow" role="alert">
      <h1>Something went wrong</h1>
      <p>Parley could not show this page. Nothing you saved was lost.</p>
      <button type="button" className="button" onClick={() => reset()}>
        Try again
      </button>
    </div>
  );
}
