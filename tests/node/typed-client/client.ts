// A partner's client, typed from our OpenAPI document by openapi-typescript and calling the API through openapi-fetch.
// It must compile under `tsc --strict` with no casts: that is the point of the test. Prints a JSON report of what it saw.
// Usage (after typed-client.mjs has generated ./generated/api.d.ts and compiled this): node out/client.js <base URL>
import createClient from "openapi-fetch";
import type { paths } from "./generated/api.js";

// Node's process, declared here rather than installing @types/node for one property.
declare const process: { argv: string[] };

const baseUrl = process.argv[2];
if (!baseUrl) {
  throw new Error("usage: node out/client.js <base URL>");
}
const client = createClient<paths>({ baseUrl });

const list = await client.GET("/api/leaflets", { params: { query: { q: "bone", pageSize: 5 } } });
if (!list.data) {
  throw new Error(`the list answered ${list.response.status}`);
}
const first = list.data.items.find((item) => item.variants.includes("easy-read"));
if (!first) {
  throw new Error("no leaflet in the list has an easy-read variant");
}

const plain = await client.GET("/api/leaflets/{id}", { params: { path: { id: first.id } } });
const easyRead = await client.GET("/api/leaflets/{id}", { params: { path: { id: first.id }, query: { variant: "easy-read" } } });
if (!plain.data || !easyRead.data) {
  throw new Error(`the leaflet answered ${plain.response.status} and ${easyRead.response.status}`);
}
const etag = plain.response.headers.get("ETag");
if (!etag) {
  throw new Error("the leaflet has no ETag");
}
const repeat = await client.GET("/api/leaflets/{id}", {
  params: { path: { id: first.id }, header: { "If-None-Match": etag } },
});

const pdf = await client.GET("/api/leaflets/{id}/pdf", {
  params: { path: { id: first.id }, query: { size: 24, paper: "A4" } },
  parseAs: "arrayBuffer",
});
const pdfBytes = pdf.data ? new Uint8Array(pdf.data) : new Uint8Array();

const missing = await client.GET("/api/leaflets/{id}", { params: { path: { id: "no-such-leaflet" } } });

console.log(JSON.stringify({
  listed: list.data.items.map((item) => ({ id: item.id, html: item.links.html.plain, pdf: item.links.pdf.plain })),
  plain: { status: plain.response.status, title: plain.data.title, variant: plain.data.variant },
  easyRead: { status: easyRead.response.status, title: easyRead.data.title, variant: easyRead.data.variant },
  repeat: { status: repeat.response.status },
  pdf: {
    status: pdf.response.status,
    contentType: pdf.response.headers.get("Content-Type"),
    length: pdfBytes.length,
    start: new TextDecoder().decode(pdfBytes.subarray(0, 5)),
  },
  missing: { status: missing.response.status, type: missing.error?.type, detail: missing.error?.detail },
}));
