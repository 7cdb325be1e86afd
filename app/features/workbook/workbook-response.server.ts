/** A workbook download: an attachment with a file name built by the portal, never cached by a shared cache. */
export function workbookResponse(file: { bytes: Buffer; fileName: string }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
