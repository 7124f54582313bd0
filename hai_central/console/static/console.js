// Konsol Pusat: small progressive enhancements only (every page works without JS).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Forms that change something important ask first (data-confirm="...").
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
  // Filters apply when a select changes (the button stays for keyboard users).
  document.querySelectorAll("form.filters select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  setupReviewKeys();
});

// The review queue: j / k move between answers, a focuses "accept", r focuses "reject".
function setupReviewKeys() {
  const items = Array.from(document.querySelectorAll(".review-item"));
  if (!items.length) return;
  let index = 0;
  const activate = (i, move = true) => {
    index = Math.max(0, Math.min(items.length - 1, i));
    items.forEach((el, n) => el.classList.toggle("active", n === index));
    if (!move) return;
    items[index].scrollIntoView({ block: "start", behavior: "smooth" });
    const heading = items[index].querySelector("h2");
    if (heading) heading.focus({ preventScroll: true });
  };
  document.addEventListener("keydown", (event) => {
    const tag = (event.target.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].includes(tag) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "j") { activate(index + 1); event.preventDefault(); }
    else if (event.key === "k") { activate(index - 1); event.preventDefault(); }
    else if (event.key === "a") { focusIn(items[index], "[data-accept-first]"); event.preventDefault(); }
    else if (event.key === "r") { focusIn(items[index], "[data-reject-first]"); event.preventDefault(); }
  });
  activate(0, false);
}

function focusIn(item, selector) {
  const target = item && item.querySelector(selector);
  if (target) target.focus();
}
