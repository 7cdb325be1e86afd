import { describe, expect, it } from "vitest";
import { CondSyntaxError, parseCond, referencedIds, toSurveyExpression } from "./vsaq-cond";

const plain = (source: string) => {
  const { node } = parseCond(source);
  return node
    ? toSurveyExpression(node, (r) => `${r.visibility ? "^" : ""}${r.id}${r.suffix ? `/${r.suffix}` : ""}`)
    : "";
};

describe("VSAQ cond parser", () => {
  it("reads ids, suffixes and the visibility prefix", () => {
    expect(parseCond("q/yes").node).toEqual({ kind: "ref", id: "q", suffix: "yes", visibility: false });
    expect(parseCond("^warn_x").node).toEqual({ kind: "ref", id: "warn_x", suffix: "", visibility: true });
    expect(parseCond("   ").node).toBeNull();
  });

  it("binds ! to the next operand and honours brackets", () => {
    expect(plain("!a && (b || c)")).toBe("!(a) and (b or c)");
    expect(plain("!(a || b)")).toBe("!((a or b))");
  });

  it("reads && and || from left to right like VSAQ, and says when that matters", () => {
    const mixed = parseCond("a || b && c");
    expect(mixed.mixesAndOr).toBe(true);
    expect(plain("a || b && c")).toBe("(a or b) and c");
    expect(parseCond("a && b && c").mixesAndOr).toBe(false);
    expect(parseCond("(a || b) && c").mixesAndOr).toBe(false);
  });

  it("reads function calls with string arguments", () => {
    expect(parseCond('contains(x/value, "a\\"b")').node).toEqual({
      kind: "call",
      name: "contains",
      args: [
        { kind: "ref", id: "x", suffix: "value", visibility: false },
        { kind: "string", value: 'a"b' },
      ],
    });
  });

  it("lists referenced ids once each", () => {
    expect(referencedIds(parseCond("a && (!b || a/no) && ^c").node)).toEqual(["a", "b", "c"]);
  });

  it.each([
    ["a & b", /single "&"/],
    ["a ||", /ends where an id was expected/],
    ["(a || b", /expected "\)"/],
    ["a b", /unexpected "b"/],
    ["a && )", /expected an id/],
    ['contains(a, "x', /not closed/],
  ])("rejects %s", (source, message) => {
    expect(() => parseCond(source)).toThrow(CondSyntaxError);
    expect(() => parseCond(source)).toThrow(message);
  });
});
