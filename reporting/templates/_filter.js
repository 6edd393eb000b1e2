// The report's filters: outcome, device, tag and a search over scenario names; a link to a failure opens it.
(() => {
  const form = document.getElementById("filters");
  const shown = document.getElementById("shown");
  const scenarios = [...document.querySelectorAll("details.scenario")];
  const features = [...document.querySelectorAll("section.feature")];
  const plain = (text) => text.normalize("NFKC").toLowerCase();

  // "iPhone:failed Android:passed" → [["iPhone", "failed"], ["Android", "passed"]]
  const runs = (element) =>
    element.dataset.runs.trim().split(/\s+/).filter(Boolean).map((run) => run.split(":"));

  function matches(element, want) {
    const on = runs(element).filter(([device]) => !want.device || device === want.device);
    if (on.length === 0) return false;
    const outcomes = on.map(([, outcome]) => outcome);
    if (want.outcome === "flaky" && element.dataset.flaky !== "1") return false;
    if (want.outcome === "passed" && !outcomes.every((outcome) => outcome === "passed")) return false;
    if (want.outcome && !["flaky", "passed"].includes(want.outcome) && !outcomes.includes(want.outcome)) return false;
    if (want.tag && !element.dataset.tags.includes(` ${want.tag} `)) return false;
    return !want.text || plain(element.dataset.title).includes(want.text);
  }

  function apply() {
    const data = new FormData(form);
    const want = {
      outcome: data.get("outcome") || "",
      device: data.get("device") || "",
      tag: data.get("tag") || "",
      text: plain((data.get("q") || "").trim()),
    };
    let count = 0;
    for (const element of scenarios) {
      element.hidden = !matches(element, want);
      if (!element.hidden) count += 1;
    }
    for (const section of features) {
      section.hidden = !section.querySelector("details.scenario:not([hidden])");
    }
    shown.textContent = `${count} / ${scenarios.length} 件を表示`;
  }

  // Go to the failure or scenario the address names, even when a filter hides it or its steps are folded.
  function reveal() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target) return;
    if (target.closest("[hidden]")) {
      form.reset();
      apply();
    }
    const details = target.closest("details");
    if (details) details.open = true;
    target.scrollIntoView();
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  document.getElementById("clear").addEventListener("click", () => {
    form.reset();
    apply();
  });
  window.addEventListener("hashchange", reveal);
  document.addEventListener("click", (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (link && link.getAttribute("href") === location.hash) setTimeout(reveal);
  });
  apply();
  reveal();
})();
