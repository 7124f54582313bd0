// Broadcaster screens: the compose form shows only the fields of the chosen kind (without
// JavaScript every field stays visible and the hub checks the kind's rules).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const kind = document.getElementById("b-kind");
  if (!kind) return;
  const parts = Array.from(document.querySelectorAll("fieldset[data-kind]"));
  const show = () => parts.forEach((f) => { f.hidden = f.dataset.kind !== kind.value; });
  kind.addEventListener("change", show);
  show();
});
