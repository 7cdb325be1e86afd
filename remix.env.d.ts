/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Single fetch: loaders and actions return plain data (or `data()`), typed as such.
declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}
export {};
