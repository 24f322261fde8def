// Time status of a token (Valid now / Expired / Not yet valid), recomputed
// every second. This is a reading of exp/nbf against the clock for display;
// the signature and claim verdict comes from the library in verify.js.

import { el } from "./dom.js";
import { TIME_CLAIMS, isNumericDate, describeTime } from "./claims.js";

/**
 * @returns {{label: string, cls: string, reason: string} | null}
 */
export function timeStatus(payload, nowSeconds, leeway = 0) {
  if (!payload) return null;
  const { exp, nbf, iat } = payload;
  if (isNumericDate(exp) && nowSeconds >= exp + leeway) {
    return { label: "Expired", cls: "expired", reason: "exp is in the past" };
  }
  if (isNumericDate(nbf) && nowSeconds < nbf - leeway) {
    return { label: "Not yet valid", cls: "immature", reason: "nbf is in the future" };
  }
  if (isNumericDate(iat) && nowSeconds < iat - leeway) {
    return { label: "Not yet valid", cls: "immature", reason: "iat is in the future" };
  }
  const reason = isNumericDate(exp) ? "within its exp/nbf window" : "no exp claim, so it never expires";
  return { label: "Valid now", cls: "valid", reason };
}

/** List every time claim of the payload as local · UTC · relative. */
export function renderTimes(ul, payload, nowSeconds) {
  const items = [];
  if (payload) {
    for (const claim of TIME_CLAIMS) {
      if (isNumericDate(payload[claim])) {
        items.push(el("li", { "data-claim": claim },
          el("code", {}, claim), " ", el("span", {}, describeTime(claim, payload[claim], nowSeconds))));
      }
    }
  }
  const text = items.map((li) => li.textContent).join("\n");
  if (ul.dataset.text !== text) {
    ul.dataset.text = text;
    ul.replaceChildren(...items);
  }
}
