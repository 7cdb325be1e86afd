import { createContext, useContext } from "react";

/**
 * The per-response CSP nonce, handed from entry.server to the root layout's
 * script elements. In the browser it is empty (browsers hide nonces from the
 * page), which is fine: scripts are only inserted by the server's HTML.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
