// Measures where the report's quotes and isolated names were laid out and writes the numbers
// into the page, for rtl-check to read from chromium's --dump-dom.
(function () {
  const letter = /\p{L}/u;
  // The box of the first (or last) letter of an element's text, skipping marks and punctuation.
  function letterBox(el, fromEnd) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    if (fromEnd) nodes.reverse();
    for (const node of nodes) {
      const chars = Array.from(node.data);
      let offset = fromEnd ? node.data.length : 0;
      const order = fromEnd ? chars.slice().reverse() : chars;
      for (const c of order) {
        if (fromEnd) offset -= c.length;
        if (letter.test(c)) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + c.length);
          const b = range.getBoundingClientRect();
          return { left: b.left, right: b.right, top: b.top };
        }
        if (!fromEnd) offset += c.length;
      }
    }
    return null;
  }
  // Where the content right before a node ends (or right after it starts): the nearest
  // character of a text sibling, or the box of an element sibling; whitespace is passed over.
  function neighbour(node, after) {
    let sib = after ? node.nextSibling : node.previousSibling;
    while (sib && sib.nodeType === Node.TEXT_NODE && !sib.data.trim()) sib = after ? sib.nextSibling : sib.previousSibling;
    if (!sib) return null;
    if (sib.nodeType === Node.ELEMENT_NODE) {
      const b = sib.getBoundingClientRect();
      return after ? b.left : b.right;
    }
    const data = sib.data;
    let i = after ? 0 : data.length - 1;
    while (data[i] === " ") i += after ? 1 : -1;
    const range = document.createRange();
    range.setStart(sib, i);
    range.setEnd(sib, i + 1);
    const b = range.getBoundingClientRect();
    return after ? b.left : b.right;
  }
  const quotes = [...document.querySelectorAll("blockquote.quote")].map((q) => {
    const style = getComputedStyle(q);
    return { lang: q.lang, dir: q.getAttribute("dir"), direction: style.direction, unicodeBidi: style.unicodeBidi,
             text: q.textContent, first: letterBox(q, false), last: letterBox(q, true) };
  });
  const names = [...document.querySelectorAll("h3 bdi, code bdi")].map((b) => {
    const box = b.getBoundingClientRect();
    return { text: b.textContent, isolated: getComputedStyle(b).unicodeBidi === "isolate",
             left: box.left, right: box.right, before: neighbour(b, false), after: neighbour(b, true) };
  });
  // The filters: shown by the page's own script; choosing a severity hides the rest, in the index
  // and among the verdicts alike.
  const form = document.getElementById("filters");
  const visible = (sel) => [...document.querySelectorAll(sel)].filter((e) => !e.hidden).length;
  const filters = { shown: !!form && !form.hidden, rows: visible("table.index tbody tr"), verdicts: visible("article.verdict") };
  if (form) {
    form.elements.severity.value = "error";
    form.dispatchEvent(new Event("input"));
    filters.errorRows = visible("table.index tbody tr");
    filters.errorVerdicts = visible("article.verdict");
    filters.errorsInPage = document.querySelectorAll('table.index tbody tr[data-severity="error"]').length;
    form.elements.severity.value = "info";
    form.elements.text.value = "\u0627\u0644\u0643\u064a\u0644\u0627\u0646\u064a";  // الكيلاني
    form.dispatchEvent(new Event("input"));
    filters.textRows = visible("table.index tbody tr");
    form.elements.text.value = "";
    form.dispatchEvent(new Event("input"));
  }
  const pre = document.createElement("pre");
  pre.id = "nogood-rtl-results";
  pre.textContent = JSON.stringify({ htmlLang: document.documentElement.lang, quotes, names, filters });
  document.body.appendChild(pre);
})();
