// Claims table: every member of the header or payload with its value and a
// short meaning; time claims also get local, UTC and relative readings.

import { el } from "./dom.js";
import { TIME_CLAIMS, isNumericDate, formatLocal, formatUtc, relativePhrase } from "./claims.js";

function valueCell(name, value, nowSeconds, timed) {
  const raw = typeof value === "string" ? value : JSON.stringify(value);
  const cell = el("td", { class: "value" }, el("code", {}, raw));
  if (timed && TIME_CLAIMS.includes(name) && isNumericDate(value)) {
    cell.append(
      el("span", { class: "time-line relative" }, relativePhrase(name, value, nowSeconds)),
      el("span", { class: "time-line" }, formatUtc(value)),
      el("span", { class: "time-line" }, formatLocal(value)),
    );
  }
  return cell;
}

/**
 * Fill `tbody` with one row per member of `obj`.
 * @param {object} descriptions name → meaning
 * @param {boolean} timed whether NumericDate claims get date readings (payload only)
 */
export function renderTable(tbody, obj, descriptions, nowSeconds, timed) {
  tbody.replaceChildren();
  if (!obj) return;
  for (const [name, value] of Object.entries(obj)) {
    const known = Object.hasOwn(descriptions, name);
    tbody.append(el("tr", { "data-claim": name },
      el("th", { scope: "row" }, el("code", {}, name)),
      valueCell(name, value, nowSeconds, timed),
      el("td", { class: known ? "meaning" : "meaning private" },
        known ? descriptions[name] : "Private claim: meaning agreed between issuer and recipient"),
    ));
  }
}
