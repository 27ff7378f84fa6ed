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

  // Scheduling happens in the reader's time zone: forms say which one it is, and times on the
  // "Scheduled" page are shown and edited in it.
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function localValue(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) + "T" + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }
  function localTimes(root) {
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    root.querySelectorAll("input[data-time-zone]").forEach(function (input) { input.value = zone; });
    root.querySelectorAll("input[data-local-value]").forEach(function (input) {
      if (input.getAttribute("aria-invalid") !== "true") input.value = localValue(new Date(input.getAttribute("data-local-value")));
    });
    root.querySelectorAll("time[data-local-time]").forEach(function (time) {
      time.textContent = new Date(time.getAttribute("datetime")).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    });
  }

  // A link card's picture shows its blurhash (a few characters from the server, the picture's colours
  // blurred) until the picture itself has loaded over it.
  var B83 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
  function base83(s) {
    var value = 0;
    for (var i = 0; i < s.length; i++) {
      var digit = B83.indexOf(s.charAt(i));
      if (digit < 0) return NaN;
      value = value * 83 + digit;
    }
    return value;
  }
  function toLinear(v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  function toSrgb(v) {
    v = Math.max(0, Math.min(1, v));
    return Math.round((v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255);
  }
  function signedSquare(v) { return (v < 0 ? -1 : 1) * v * v; }
  function decodeBlurhash(hash, width, height) {
    if (!hash || hash.length < 6) return null;
    var size = base83(hash.charAt(0));
    var nx = (size % 9) + 1, ny = Math.floor(size / 9) + 1;
    if (hash.length !== 4 + 2 * nx * ny) return null;
    var max = (base83(hash.charAt(1)) + 1) / 166;
    var dc = base83(hash.substring(2, 6));
    var colors = [[toLinear(dc >> 16), toLinear((dc >> 8) & 255), toLinear(dc & 255)]];
    for (var i = 1; i < nx * ny; i++) {
      var ac = base83(hash.substring(4 + i * 2, 6 + i * 2));
      colors.push([
        signedSquare((Math.floor(ac / 361) - 9) / 9) * max,
        signedSquare(((Math.floor(ac / 19) % 19) - 9) / 9) * max,
        signedSquare(((ac % 19) - 9) / 9) * max
      ]);
    }
    if (colors.some(function (c) { return isNaN(c[0] + c[1] + c[2]); })) return null;
    var pixels = new Uint8ClampedArray(width * height * 4);
    for (var y = 0; y < height; y++) {
      for (var x = 0; x < width; x++) {
        var r = 0, g = 0, b = 0;
        for (var j = 0; j < ny; j++) {
          for (var k = 0; k < nx; k++) {
            var basis = Math.cos(Math.PI * x * k / width) * Math.cos(Math.PI * y * j / height);
            var c = colors[k + j * nx];
            r += c[0] * basis; g += c[1] * basis; b += c[2] * basis;
          }
        }
        var at = 4 * (x + y * width);
        pixels[at] = toSrgb(r); pixels[at + 1] = toSrgb(g); pixels[at + 2] = toSrgb(b); pixels[at + 3] = 255;
      }
    }
    return pixels;
  }
  function paintBlurhashes(root) {
    root.querySelectorAll("canvas[data-blurhash]:not([data-painted])").forEach(function (canvas) {
      var pixels = decodeBlurhash(canvas.getAttribute("data-blurhash"), canvas.width, canvas.height);
      if (!pixels) return;
      canvas.getContext("2d").putImageData(new ImageData(pixels, canvas.width, canvas.height), 0, 0);
      canvas.setAttribute("data-painted", "true");
    });
  }

  function init(root) {
    root.querySelectorAll("textarea[data-count]").forEach(updateCounter);
    localTimes(root);
    paintBlurhashes(root);
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

  // Live updates over Server-Sent Events (/live). New posts in the open feed are counted in a bar
  // ("3 new posts") and inserted when the reader clicks it; counters on visible cards follow likes,
  // replies and reposts; "notification" events are re-dispatched as a "hallway:notification" DOM event
  // and bump any element marked data-notification-badge. EventSource reconnects by itself and sends
  // Last-Event-ID; the server replays what was missed, and ids already known are ignored here.
  function startLive() {
    if (!window.EventSource || !document.querySelector(".nav-main")) return;
    var feed = document.querySelector("#feed[data-live]");
    var kind = feed ? feed.getAttribute("data-live") : "none";
    var bar = document.getElementById("new-posts");
    var pending = new Set();
    var source = new EventSource("/live?feed=" + encodeURIComponent(kind));

    function onPage(id) { return document.getElementById("post-" + id) !== null; }

    function showBar() {
      if (!bar) return;
      pending.forEach(function (id) { if (onPage(id)) pending.delete(id); });
      var n = pending.size;
      bar.hidden = n === 0;
      bar.textContent = n === 1 ? "1 new post" : n + " new posts";
    }

    // Ids are 64-bit: compare them as BigInt, never as Number.
    function newestOnPage() {
      var newest = 0n;
      feed.querySelectorAll("article.card[id^='post-']").forEach(function (card) {
        var id = BigInt(card.id.substring(5));
        if (id > newest) newest = id;
      });
      return newest;
    }

    function setCount(el, n) { if (el) el.textContent = n > 0 ? String(n) : ""; }

    source.addEventListener("post", function (event) {
      if (!feed || onPage(event.data)) return;
      pending.add(event.data);
      showBar();
    });
    source.addEventListener("delete", function (event) {
      pending.delete(event.data);
      var card = document.getElementById("post-" + event.data);
      if (card && feed && feed.contains(card)) card.remove();
      showBar();
    });
    source.addEventListener("counts", function (event) {
      var c = JSON.parse(event.data);
      document.querySelectorAll("article[data-post='" + c.id + "']").forEach(function (card) {
        setCount(card.querySelector(".actions a.action .count"), c.replies);
        setCount(card.querySelector(".actions button.repost .count"), c.reblogs);
        setCount(card.querySelector(".actions button.like .count"), c.favourites);
      });
    });
    source.addEventListener("notification", function (event) {
      var detail = JSON.parse(event.data);
      document.dispatchEvent(new CustomEvent("hallway:notification", { detail: detail }));
      document.querySelectorAll("[data-notification-badge]").forEach(function (badge) {
        if (badge.textContent !== "99+") badge.textContent = String((parseInt(badge.textContent, 10) || 0) + 1);
        badge.hidden = false;
        var outer = badge.closest(".nav-badge");
        if (outer) outer.hidden = false;
      });
    });

    if (bar && feed) {
      bar.addEventListener("click", function () {
        bar.disabled = true;
        fetch("/live/cards?feed=" + encodeURIComponent(kind) + "&min_id=" + newestOnPage(), {
          headers: { "HX-Request": "true" },
          credentials: "same-origin"
        }).then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.text();
        }).then(function (html) {
          var incoming = document.createElement("template");
          incoming.innerHTML = html;
          var cards = Array.from(incoming.content.querySelectorAll("article.card")).filter(function (card) {
            return !document.getElementById(card.id);
          });
          var first = cards[0];
          cards.reverse().forEach(function (card) { feed.insertBefore(card, feed.firstChild); });
          if (window.htmx) cards.forEach(function (card) { window.htmx.process(card); });
          showBar();
          if (first) first.focus();
        }).catch(function () {}).finally(function () { bar.disabled = false; });
      });
      document.addEventListener("htmx:afterSwap", showBar);
    }
  }

  // Mention autocomplete: typing @ and the start of a name, handle, title or skill offers colleagues.
  var MENTION = /(^|\s)@([\p{L}\p{N}_]{1,30})$/u;
  var mention = { box: null, list: null, items: [], active: -1, timer: null, query: "" };

  function closeMentions() {
    if (mention.list) mention.list.remove();
    if (mention.box) {
      mention.box.setAttribute("aria-expanded", "false");
      mention.box.removeAttribute("aria-activedescendant");
    }
    mention.list = null;
    mention.items = [];
    mention.active = -1;
  }

  function showMentions(box, people) {
    closeMentions();
    if (!people.length) return;
    var list = document.createElement("ul");
    list.id = "mention-list";
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Colleagues to mention");
    people.forEach(function (p, i) {
      var li = document.createElement("li");
      li.id = "mention-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("data-username", p.username);
      var img = document.createElement("img");
      img.src = p.avatar;
      img.alt = "";
      img.width = 24;
      img.height = 24;
      img.className = "avatar xs";
      var name = document.createElement("span");
      name.textContent = p.display_name + " ";
      var handle = document.createElement("span");
      handle.className = "handle";
      handle.textContent = "@" + p.username;
      li.append(img, name, handle);
      li.addEventListener("mousedown", function (e) { e.preventDefault(); pickMention(i); });
      list.appendChild(li);
    });
    box.insertAdjacentElement("afterend", list);
    box.setAttribute("aria-controls", "mention-list");
    box.setAttribute("aria-expanded", "true");
    mention.box = box;
    mention.list = list;
    mention.items = Array.from(list.children);
    moveMention(0);
  }

  function moveMention(index) {
    if (!mention.items.length) return;
    mention.active = (index + mention.items.length) % mention.items.length;
    mention.items.forEach(function (li, i) { li.setAttribute("aria-selected", i === mention.active ? "true" : "false"); });
    mention.box.setAttribute("aria-activedescendant", mention.items[mention.active].id);
  }

  function pickMention(index) {
    var box = mention.box;
    var username = mention.items[index].getAttribute("data-username");
    var before = box.value.slice(0, box.selectionStart).replace(MENTION, function (m, space) { return space + "@" + username + " "; });
    var after = box.value.slice(box.selectionStart);
    box.value = before + after;
    box.setSelectionRange(before.length, before.length);
    closeMentions();
    updateCounter(box);
    box.focus();
  }

  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("textarea[data-count]")) return;
    var match = box.value.slice(0, box.selectionStart).match(MENTION);
    clearTimeout(mention.timer);
    if (!match) { closeMentions(); return; }
    mention.query = match[2];
    mention.timer = setTimeout(function () {
      var query = mention.query;
      fetch("/people/suggest?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (people) { if (query === mention.query) showMentions(box, people); })
        .catch(function () { closeMentions(); });
    }, 150);
  });

  document.addEventListener("keydown", function (event) {
    if (!mention.list || event.target !== mention.box) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      moveMention(mention.active + (event.key === "ArrowDown" ? 1 : -1));
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      pickMention(mention.active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeMentions();
    }
  }, true);

  document.addEventListener("focusout", function (event) {
    if (event.target === mention.box) closeMentions();
  });

  document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });
  document.addEventListener("DOMContentLoaded", function () { init(document); startLive(); });
})();
