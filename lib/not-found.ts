import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** For pages: an id that is unknown or from another workspace renders the 404 page, not an error. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
