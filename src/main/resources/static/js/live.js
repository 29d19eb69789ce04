// Live replies in an open thread: an optional enhancement. Without JavaScript, reloading the page shows new
// posts. The server announces each new post by server-sent events; this script fetches the post's HTML and
// appends it, and tells screen-reader users through a polite live region.
(function () {
  "use strict";
  var list = document.querySelector("ol.posts[data-live]");
  if (!list || !window.EventSource || !window.fetch || !("content" in document.createElement("template"))) {
    return;
  }
  var status = document.getElementById("live-status");
  var source = new EventSource(list.getAttribute("data-live"));
  function fetchPost(id, then) {
    fetch("/posts/" + encodeURIComponent(id) + "/fragment", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var template = document.createElement("template");
        template.innerHTML = html.trim();
        var post = template.content.firstElementChild;
        if (post) { then(post); }
      });
  }
  source.addEventListener("post", function (event) {
    fetchPost(event.data, function (post) {
      if (document.getElementById(post.id)) { return; }
      list.appendChild(post);
      if (status) { status.textContent = status.getAttribute("data-new"); }
    });
  });
  // a translation arrived: a post still shown as "translation in progress" is replaced by its translated version
  source.addEventListener("translated", function (event) {
    var pending = list.querySelector('.translation-pending[data-post="' + CSS.escape(event.data) + '"]');
    if (!pending) { return; }
    fetchPost(event.data, function (post) {
      var shown = document.getElementById(post.id);
      if (!shown || post.querySelector(".translation-pending")) { return; }
      shown.replaceWith(post);
      if (status) { status.textContent = status.getAttribute("data-translated"); }
    });
  });
})();
