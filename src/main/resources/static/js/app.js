// Hallway's small client side: htmx does the requests; this file adds the character counter,
// Ctrl+Enter to send, confirmation for plain forms and focus care after in-place updates.
(function () {
  "use strict";

  // Mastodon counts every link as 23 characters, whatever its length; the server does the same.
  var URL_LENGTH = 23;
  var URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

  function weightedLength(text) {
    var body = text.trim();
    var length = Array.from(body).length;
    var urls = body.match(URL_PATTERN) || [];
    urls.forEach(function (url) { length += URL_LENGTH - Array.from(url).length; });
    return length;
  }

  function updateCounter(textarea) {
    var max = parseInt(textarea.getAttribute("data-count"), 10);
    var counter = document.getElementById(textarea.getAttribute("data-counter"));
    if (!counter || !max) return;
    var length = weightedLength(textarea.value);
    var left = max - length;
    counter.textContent = left >= 0 ? left.toLocaleString("en") + " left" : (-left).toLocaleString("en") + " too many";
    counter.classList.toggle("warn", left >= 0 && left < Math.min(100, max / 10));
    counter.classList.toggle("over", left < 0);
    counter.setAttribute("aria-live", left < 20 ? "polite" : "off");
  }

  function init(root) {
    root.querySelectorAll("textarea[data-count]").forEach(updateCounter);
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-count]")) updateCounter(event.target);
  });

  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && t.matches && t.matches("textarea") && t.form) {
      event.preventDefault();
      t.form.requestSubmit();
    }
  });

  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });

  // "Load more" disappears once clicked; move focus to the first new post so keyboard users keep their place.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.closest && elt.closest(".more")) {
      var more = elt.closest(".more");
      var marker = more.previousElementSibling;
      more.setAttribute("data-after", marker ? marker.id : "");
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (!target || !target.getAttribute || target.getAttribute("data-after") === null) return;
    var after = document.getElementById(target.getAttribute("data-after"));
    var next = after ? after.nextElementSibling : document.querySelector(".feed .card");
    if (next && next.matches(".card")) next.focus();
  });

  document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });
  document.addEventListener("DOMContentLoaded", function () { init(document); });
})();
