// playhub search: reads the split index under /search/index/ (see docs/theming.md, "The
// search index"). The manifest says which term shard holds a word; only those shards and
// the metadata chunks of the results shown are fetched. Every word must match (the last one
// as a prefix, for results while typing); a title match ranks above tags, category, tools
// and industries, then the summary, then the body; ties keep list order.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var base = form.getAttribute("data-index");
  var pageSize = 10;
  var maxWords = 6;
  var maxPrefixShards = 3;
  var cache = {};
  var manifest = null;
  var current = 0;
  var shown = null;

  function json(name) {
    if (!cache[name]) {
      cache[name] = fetch(base + name).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
      cache[name].catch(function () { delete cache[name]; });
    }
    return cache[name];
  }

  // The tokenizer of SearchTokenizer.swift, with the manifest's stop words.
  function words(text, keepStopWords) {
    var out = [];
    text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^\p{L}\p{N}]+/u).forEach(function (word) {
      if (!word || Array.from(word).length > manifest.maxTermLength) return;
      if (!keepStopWords && manifest.stopWords.indexOf(word) !== -1) return;
      out.push(word);
    });
    return out;
  }

  function shardOf(term) {
    var shards = manifest.shards, low = 0, high = shards.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (shards[mid] <= term) low = mid; else high = mid - 1;
    }
    return low;
  }

  // [weight, group]* → {document: weight}; a group is `count, gap…` or a base64 bitmap
  // over every playbook (bit i % 8 of byte i / 8 is playbook i).
  function postings(list) {
    var map = new Map(), i = 0;
    while (i + 1 < list.length) {
      var weight = list[i], group = list[i + 1], doc = 0;
      if (typeof group === "string") {
        var bits = atob(group);
        for (var b = 0; b < bits.length; b++) {
          for (var byte = bits.charCodeAt(b), k = 0; byte; k++, byte >>= 1) if (byte & 1) map.set(b * 8 + k, weight);
        }
        i += 2;
        continue;
      }
      for (var j = 0; j < group; j++) { doc += list[i + 2 + j]; map.set(doc, weight); }
      i += 2 + group;
    }
    return map;
  }

  // One word's matches: its own postings, or for the last word every term it starts.
  function match(word, prefix) {
    var first = shardOf(word), shards = [first];
    if (prefix) {
      for (var s = first + 1; s < manifest.shards.length && shards.length < maxPrefixShards
           && manifest.shards[s].lastIndexOf(word, 0) === 0; s++) shards.push(s);
    }
    return Promise.all(shards.map(function (s) { return json("terms-" + s + ".json"); })).then(function (loaded) {
      var best = new Map(), terms = [];
      loaded.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          if (term !== word && !(prefix && term.lastIndexOf(word, 0) === 0)) return;
          terms.push(term);
          postings(shard[term]).forEach(function (weight, doc) {
            if ((best.get(doc) || 0) < weight) best.set(doc, weight);
          });
        });
      });
      return { scores: best, terms: terms };
    });
  }

  function rank(matches) {
    matches.sort(function (a, b) { return a.scores.size - b.scores.size; });
    var ranked = [];
    matches[0].scores.forEach(function (weight, doc) {
      var score = weight;
      for (var i = 1; i < matches.length; i++) {
        var other = matches[i].scores.get(doc);
        if (!other) return;
        score += other;
      }
      ranked.push([score, doc]);
    });
    ranked.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return ranked.map(function (pair) { return pair[1]; });
  }

  // Text with the words that match a query term (or start with the last one) in <mark>.
  function highlighted(text, terms, prefix) {
    var fragment = document.createDocumentFragment();
    text.split(/([^\p{L}\p{N}]+)/u).forEach(function (part) {
      var folded = words(part, true)[0];
      var hit = folded && terms.some(function (term, i) {
        return folded === term || (prefix && i === terms.length - 1 && folded.lastIndexOf(term, 0) === 0);
      });
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        fragment.appendChild(mark);
      } else if (part) {
        fragment.appendChild(document.createTextNode(part));
      }
    });
    return fragment;
  }

  function card(entry, terms, prefix) {
    var li = document.createElement("li");
    li.className = "card search-result";
    var h = document.createElement("h2");
    h.className = "card-title";
    var a = document.createElement("a");
    a.href = entry[1];
    a.appendChild(highlighted(entry[0], terms, prefix));
    h.appendChild(a);
    li.appendChild(h);
    if (entry[3]) {
      var meta = document.createElement("p");
      meta.className = "card-meta";
      meta.textContent = entry[3];
      li.appendChild(meta);
    }
    var summary = document.createElement("p");
    summary.className = "card-summary";
    summary.appendChild(highlighted(entry[2], terms, prefix));
    li.appendChild(summary);
    return li;
  }

  // Appends the next page of results, fetching the chunks that hold them.
  function showMore(run) {
    var page = shown.ranked.slice(shown.count, shown.count + pageSize);
    var chunks = [];
    page.forEach(function (doc) {
      var chunk = Math.floor(doc / manifest.chunkSize);
      if (chunks.indexOf(chunk) === -1) chunks.push(chunk);
    });
    return Promise.all(chunks.map(function (c) { return json("docs-" + c + ".json"); })).then(function (loaded) {
      if (run !== current) return;
      page.forEach(function (doc) {
        var entry = loaded[chunks.indexOf(Math.floor(doc / manifest.chunkSize))][doc % manifest.chunkSize];
        results.appendChild(card(entry, shown.terms, shown.prefix));
      });
      shown.count += page.length;
      more.hidden = shown.count >= shown.ranked.length;
    });
  }

  function count(n) {
    return n.toLocaleString("en") + (n === 1 ? " result" : " results");
  }

  function search(query) {
    var run = ++current;
    return json("manifest.json").then(function (loaded) {
      manifest = loaded;
      var all = words(query, false), terms = [];
      all.forEach(function (word) { if (terms.indexOf(word) === -1) terms.push(word); });
      terms = terms.slice(0, maxWords);
      // A last word followed by a space is complete; otherwise it may be half typed.
      var prefix = !/[^\p{L}\p{N}]$/u.test(query);
      if (!terms.length) {
        results.textContent = "";
        more.hidden = true;
        status.textContent = query.trim() ? "Those words are too common to search for." : "";
        return;
      }
      return Promise.all(terms.map(function (term, i) { return match(term, prefix && i === terms.length - 1); }))
        .then(function (matches) {
          if (run !== current) return;
          var ranked = matches.some(function (m) { return !m.scores.size; }) ? [] : rank(matches.slice());
          results.textContent = "";
          shown = { ranked: ranked, count: 0, terms: terms, prefix: prefix };
          if (!ranked.length) {
            more.hidden = true;
            status.textContent = "No playbooks match “" + query.trim() + "”. Try fewer or other words.";
            return;
          }
          status.textContent = count(ranked.length);
          return showMore(run);
        });
    }).catch(function () {
      if (run === current) status.textContent = "The search index could not be loaded.";
    });
  }

  function remember(query) {
    var url = location.pathname + (query ? "?q=" + encodeURIComponent(query) : "");
    history.replaceState(null, "", url);
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { remember(input.value); search(input.value); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    remember(input.value);
    search(input.value);
  });
  more.addEventListener("click", function () { showMore(current); });

  // Arrow keys move between the box and the result links.
  form.parentNode.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(results.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (document.activeElement !== input && at === -1) return;
    event.preventDefault();
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (next < 0) input.focus(); else if (next < links.length) links[next].focus();
  });

  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; search(initial); }
})();
