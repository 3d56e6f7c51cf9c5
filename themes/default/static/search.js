// playhub search: loads /search-index.json once and filters it in the browser.
// Every word of the query must appear in a playbook's title, summary, tags or category.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var index = null;

  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
  }

  function haystack(entry) {
    return words([entry.title, entry.summary, entry.category].concat(entry.tags).join(" ")).join(" ");
  }

  function card(entry) {
    var li = document.createElement("li");
    li.className = "card";
    var h = document.createElement("h3");
    h.className = "card-title";
    var a = document.createElement("a");
    a.href = entry.url;
    a.textContent = entry.title;
    h.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "card-meta";
    meta.textContent = [entry.category].concat(entry.tags).filter(Boolean).join(" · ");
    var summary = document.createElement("p");
    summary.className = "card-summary";
    summary.textContent = entry.summary;
    li.appendChild(h);
    li.appendChild(meta);
    li.appendChild(summary);
    return li;
  }

  function show(query) {
    var terms = words(query);
    results.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    var found = index.filter(function (entry) {
      var text = entry._text || (entry._text = haystack(entry));
      return terms.every(function (term) { return text.indexOf(term) !== -1; });
    });
    status.textContent = found.length === 1 ? "1 playbook found" : found.length + " playbooks found";
    found.slice(0, 100).forEach(function (entry) { results.appendChild(card(entry)); });
  }

  function load(then) {
    if (index) { then(); return; }
    status.textContent = "Loading…";
    fetch(form.getAttribute("data-index"))
      .then(function (response) { return response.json(); })
      .then(function (data) { index = data; then(); })
      .catch(function () { status.textContent = "The search index could not be loaded."; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    load(function () { show(query); });
  });
  input.addEventListener("input", function () { if (index) show(input.value); });

  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; load(function () { show(initial); }); }
})();
