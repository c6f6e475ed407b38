/// The policy editor's live validation, served at /assets/policy-editor.js (the console's CSP
/// allows scripts from the site only, so no inline script). Progressive enhancement: without it
/// the "Check" button re-renders the page with the same diagnostics. It keeps the line-number
/// gutter in step with the text, posts the text (debounced) to POST /policies/check with the
/// session's CSRF token in `X-CSRF-Token`, marks the error and warning lines and lists the
/// diagnostics; clicking one moves the cursor to its line and column. Text only via
/// `textContent` (never `innerHTML`); no inline styles (classes only).
enum PolicyEditorScript {
    static let js = #"""
    (function () {
      "use strict";
      var form = document.getElementById("policy-editor");
      if (!form) return;
      var source = document.getElementById("source");
      var gutter = document.getElementById("gutter");
      var list = document.getElementById("diagnostics");
      var status = document.getElementById("check-status");
      var csrfField = form.querySelector("input[name=_csrf]");
      var csrf = csrfField ? csrfField.value : "";
      var url = form.getAttribute("data-check");
      if (!url) return;
      var marks = {};
      var timer = null, sequence = 0;

      function lineCount() { return source.value.split("\n").length; }

      function renderGutter() {
        var n = lineCount();
        while (gutter.firstChild) gutter.removeChild(gutter.firstChild);
        for (var i = 1; i <= n; i++) {
          var span = document.createElement("span");
          if (marks[i]) span.className = marks[i];
          span.textContent = String(i);
          gutter.appendChild(span);
          gutter.appendChild(document.createTextNode("\n"));
        }
        gutter.scrollTop = source.scrollTop;
      }

      function moveTo(line, column) {
        var lines = source.value.split("\n"), offset = 0;
        for (var i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
        offset += Math.max(0, column - 1);
        source.focus();
        source.setSelectionRange(offset, offset);
      }

      function show(diagnostics) {
        marks = {};
        while (list.firstChild) list.removeChild(list.firstChild);
        if (diagnostics.length === 0) {
          var ok = document.createElement("li");
          ok.className = "ok";
          ok.textContent = list.getAttribute("data-ok");
          list.appendChild(ok);
        }
        diagnostics.forEach(function (d) {
          marks[d.line] = d.severity === "error" ? "err" : (marks[d.line] || "warn");
          var li = document.createElement("li");
          li.className = d.severity;
          li.setAttribute("data-line", String(d.line));
          var at = document.createElement("b");
          at.textContent = d.at;
          var code = document.createElement("span");
          code.className = "mono";
          code.textContent = d.code;
          li.appendChild(at);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(code);
          li.appendChild(document.createTextNode(" " + d.message));
          li.addEventListener("click", function () { moveTo(d.line, d.column); });
          list.appendChild(li);
        });
        renderGutter();
      }

      function check() {
        var mine = ++sequence;
        if (status) status.textContent = status.getAttribute("data-checking");
        fetch(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf },
          body: JSON.stringify({ source: source.value })
        }).then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        }).then(function (diagnostics) {
          if (mine !== sequence) return;
          if (status) status.textContent = "";
          show(diagnostics);
        }).catch(function (e) {
          if (mine === sequence && status) status.textContent = e.message;
        });
      }

      source.addEventListener("input", function () {
        renderGutter();
        if (timer) clearTimeout(timer);
        timer = setTimeout(check, 400);
      });
      source.addEventListener("scroll", function () { gutter.scrollTop = source.scrollTop; });
      Array.prototype.forEach.call(list.querySelectorAll("li[data-line]"), function (li) {
        li.addEventListener("click", function () { moveTo(Number(li.getAttribute("data-line")), 1); });
      });
      Array.prototype.forEach.call(gutter.querySelectorAll("span[class]"), function (s) {
        if (s.className) marks[Number(s.textContent)] = s.className;
      });
    })();
    """#
}
