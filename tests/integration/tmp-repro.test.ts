import { it, expect } from "vitest";
import mongoose from "mongoose";
import { setupTestDatabase } from "#tests/setup/database";
import { sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
setupTestDatabase();
const mod = await import("#app/routes/_portal.supplier.assessments.$id");
const { secureRouteModule } = await import("#app/utils/security.server");
it("repro", async () => {
  const w = await createAssessmentWorld();
  const id = String(w.assessment._id);
  const cookie = await sessionCookie(String(w.supplierUser.user._id));
  const action = secureRouteModule(mod as never).action!;
  for (const content of ["PDF? not really", "%PDF-1.4 but truncated"]) {
    const body = `------flowdownbad\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n${content}\r\n------flowdownbad--\r\n`;
    let res: unknown;
    try { res = await action({ request: new Request(`http://localhost/supplier/assessments/${id}`, { method: "POST", body, headers: { Cookie: cookie, Origin: "http://localhost", "Sec-Fetch-Site": "same-origin", "Content-Type": "multipart/form-data; boundary=----flowdownbad" } }), params: { id }, context: {} }); } catch (e) { res = e; }
    console.log("RES", content, res instanceof Response ? res.status : JSON.stringify(res).slice(0, 300));
    console.log("FILES", await mongoose.connection.db!.collection("evidence.files").countDocuments(), await mongoose.connection.db!.collection("evidence.chunks").countDocuments());
  }
  expect(1).toBe(1);
});
