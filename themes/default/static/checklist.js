// playhub checklists: lets a reader tick a playbook's task list, keeps the ticks in this
// browser (localStorage, one entry per page path) and shows "3 of 12 done" with a Reset
// button. Without this script the boxes still show the author's ticks and the progress
// line stays hidden.
(function () {
  "use strict";
  var progress = document.querySelector(".checklist-progress");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.task-box"));
  if (!progress || boxes.length === 0) return;
  var count = progress.querySelector(".checklist-count");
  var reset = progress.querySelector(".checklist-reset");
  var key = "playhub-checklist:" + location.pathname;
  var ids = boxes.map(function (box) { return box.id; }).join(" ");

  // Saved ticks fit only the list they were made on: the same boxes in the same order.
  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(key) || "null");
      if (saved && saved.ids === ids && Array.isArray(saved.ticked)) return saved.ticked;
    } catch (e) { /* no storage, or an entry this script did not write */ }
    return null;
  }

  function store() {
    var ticked = boxes.map(function (box) { return box.checked; });
    try { localStorage.setItem(key, JSON.stringify({ ids: ids, ticked: ticked })); } catch (e) { /* storage full or off */ }
  }

  function show() {
    var done = boxes.filter(function (box) { return box.checked; }).length;
    count.textContent = done + " of " + boxes.length + " done";
  }

  var ticked = load();
  boxes.forEach(function (box, i) {
    // The saved state, else the author's: a browser restoring form fields on reload would
    // otherwise bring back ticks that Reset took away.
    box.checked = ticked ? ticked[i] === true : box.defaultChecked;
    box.addEventListener("change", function () { store(); show(); });
  });
  reset.addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = box.defaultChecked; });
    try { localStorage.removeItem(key); } catch (e) { /* nothing saved */ }
    show();
  });
  show();
  progress.hidden = false;
})();
