import { describe, expect, it } from "vitest";
import { romanNumeralValue } from "../../src/text/vietnamese.js";

describe("Roman numerals", () => {
  it("reads the numerals congresses and terms are numbered with", () => {
    expect(romanNumeralValue("XIV")).toBe(14);
    expect(romanNumeralValue("XVI")).toBe(16);
    expect(romanNumeralValue("XIX")).toBe(19);
    expect(romanNumeralValue("XL")).toBe(40);
  });

  it("leaves single letters, lower case and malformed numerals alone", () => {
    expect(romanNumeralValue("V")).toBeNull();
    expect(romanNumeralValue("xiv")).toBeNull();
    expect(romanNumeralValue("IIII")).toBeNull();
    expect(romanNumeralValue("VX")).toBeNull();
  });
});
