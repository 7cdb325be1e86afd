import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { getEnv } from "#app/lib/env.server";
import { notFound } from "#app/lib/http.server";

/**
 * The benchmarks' floor (bench/dashboard.ts): a fixed page of a given size through the same
 * session check as the procurement dashboard, so each page's latency can be read against what
 * any page of this app costs in the same run. It exists only while FLOWDOWN_BENCH_FLOOR=1, which
 * only the benchmark sets: otherwise it answers 404, as an address that does not exist.
 */
export const meta: MetaFunction = () => [{ title: "Floor · Flowdown" }];

const MAX_BYTES = 4 * 1024 * 1024;
const LINE = "A fixed line of the benchmark floor page, always the same text.\n";

export async function loader({ request }: LoaderFunctionArgs) {
  if (getEnv().FLOWDOWN_BENCH_FLOOR !== "1") notFound();
  await requireUser(request, { role: "procurement" });
  const asked = Number(new URL(request.url).searchParams.get("bytes"));
  return { bytes: Number.isInteger(asked) ? Math.min(MAX_BYTES, Math.max(0, asked)) : 0 };
}

let filler = { bytes: 0, text: "" };
function fillerOf(bytes: number): string {
  if (filler.bytes !== bytes) filler = { bytes, text: LINE.repeat(Math.ceil(bytes / LINE.length)).slice(0, bytes) };
  return filler.text;
}

export default function BenchFloor() {
  const { bytes } = useLoaderData<typeof loader>();
  return <pre className="bench-floor">{fillerOf(bytes)}</pre>;
}
