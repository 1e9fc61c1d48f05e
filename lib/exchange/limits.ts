// What the browser's import page may send: at most lib/request-limits.ts MAX_BODY_BYTES (1 MiB,
// refused by proxy.ts before any action runs); larger files go through `npm run import`.
import { MAX_BODY_BYTES } from "../request-limits";

export const MAX_IMPORT_FILE_BYTES = MAX_BODY_BYTES - 16 * 1024; // room for the form's other fields
export const FILE_TOO_LARGE = "The file is larger than 1 MiB, the most a browser may send; import it with npm run import instead.";
