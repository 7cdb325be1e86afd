import { describe, expect, it } from "vitest";
import { domainOfEmail, issuerProblem, normaliseDomain, parseDomains } from "./domains";

describe("SSO e-mail domains", () => {
  it("stores a domain in lower case without a leading @ or a trailing dot", () => {
    expect(normaliseDomain(" @Example.COM. ")).toBe("example.com");
    expect(normaliseDomain("mail.example.co.uk")).toBe("mail.example.co.uk");
    expect(normaliseDomain("xn--bcher-kva.example")).toBe("xn--bcher-kva.example");
  });

  it("refuses what is not a domain with a dot and a top-level domain", () => {
    for (const bad of [
      "",
      "localhost",
      "example",
      "-bad.com",
      "bad-.com",
      "exa mple.com",
      "a..com",
      "1.2.3.4",
      "user@example.com",
    ])
      expect(normaliseDomain(bad), bad).toBeNull();
  });

  it("reads a list separated by lines, commas or spaces, drops repeats and names what it cannot read", () => {
    expect(parseDomains("example.com\nEXAMPLE.com, example.org  not_a_domain")).toEqual({
      domains: ["example.com", "example.org"],
      invalid: ["not_a_domain"],
    });
  });

  it("finds the domain of an e-mail address", () => {
    expect(domainOfEmail("Ann.Lee@Example.com")).toBe("example.com");
    expect(domainOfEmail("no-at-sign")).toBeNull();
    expect(domainOfEmail("@example.com")).toBeNull();
  });
});

describe("SSO issuer address", () => {
  it("accepts https, and plain http only on loopback", () => {
    expect(issuerProblem("https://login.example.com/realms/acme")).toBeNull();
    expect(issuerProblem("http://127.0.0.1:4000")).toBeNull();
    expect(issuerProblem("http://localhost:4000")).toBeNull();
    expect(issuerProblem("http://login.example.com")).toBe("https");
    expect(issuerProblem("http://10.0.0.5")).toBe("https");
  });

  it("refuses what is not an absolute URL, or carries credentials, a query or a fragment", () => {
    for (const bad of [
      "login.example.com",
      "ftp://example.com",
      "https://u:p@example.com",
      "https://e.com/?a=1",
      "https://e.com/#x",
    ])
      expect(issuerProblem(bad), bad).toBe("invalid");
  });
});
