// lagebild workbench: progressive enhancement only; every page works without it.
// Records are rendered (escaped) by the server; this script only shows and hides them.
(function () {
  "use strict";

  function showRecords(refs, pin) {
    var panel = document.getElementById("panel");
    if (!panel) return;
    if (panel.dataset.pinned && !pin) return;
    panel.querySelectorAll(".record").forEach(function (el) { el.hidden = true; });
    var hint = document.getElementById("panel-hint");
    if (hint) hint.hidden = refs.length > 0;
    refs.forEach(function (ref) {
      var el = document.getElementById("rec-" + ref);
      if (el) el.hidden = false;
    });
    document.querySelectorAll(".hl.selected").forEach(function (el) { el.classList.remove("selected"); });
    if (pin) {
      panel.dataset.pinned = refs.join(" ");
      refs.forEach(function (ref) {
        document.querySelectorAll(".hl").forEach(function (el) {
          if ((el.dataset.refs || "").split(" ").indexOf(ref) >= 0) el.classList.add("selected");
        });
      });
    }
  }

  function initDocument() {
    var text = document.getElementById("doc-text");
    if (!text) return;
    text.addEventListener("click", function (ev) {
      var hl = ev.target.closest(".hl");
      var panel = document.getElementById("panel");
      if (!hl) { delete panel.dataset.pinned; showRecords([], false); return; }
      showRecords(hl.dataset.refs.split(" "), true);
    });
    text.addEventListener("keydown", function (ev) {
      var hl = ev.target.closest(".hl");
      if (hl && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); showRecords(hl.dataset.refs.split(" "), true); }
    });
    text.addEventListener("mouseover", function (ev) {
      var hl = ev.target.closest(".hl");
      if (hl) showRecords(hl.dataset.refs.split(" "), false);
    });
    document.querySelectorAll("[data-show]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        showRecords([btn.dataset.show], true);
        var first = document.querySelector(".hl.selected");
        if (first) first.scrollIntoView({ block: "center" });
      });
    });
  }

  function initFilters() {
    // drop empty fields so that filtered URLs stay short and shareable
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input, select").forEach(function (el) {
          if (el.name && el.value === "") el.disabled = true;
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { initDocument(); initFilters(); });
})();
