// Comments without page reloads: replies open under the comment they answer, and the form
// posts in the background. Without this script the same form posts normally and the
// server sends the reader back to the article; nothing here is needed for that.
(function () {
  "use strict";
  var form = document.querySelector("[data-comment-form]");
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var box = document.getElementById("comment-form");
  var home = box.parentNode;
  var homeNext = box.nextSibling;
  var heading = document.getElementById("comment-form-heading");
  var message = box.querySelector("[data-comment-message]");
  var parentField = form.querySelector("[data-parent]");
  var tokenField = form.querySelector("[data-token]");
  var article = form.elements.article.value;
  var fresh = false;

  // A cached page may carry an old token; a fresh one makes the fill time count from now.
  function refreshToken() {
    if (fresh) {
      return;
    }
    fresh = true;
    fetch("/comments/token?article=" + encodeURIComponent(article), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) { if (answer && answer.token) { tokenField.value = answer.token; } })
      .catch(function () { fresh = false; });
  }
  form.addEventListener("focusin", refreshToken);

  function say(text, ok) {
    message.textContent = text || "";
    message.className = ok ? "comment-notice" : "comment-problem";
    message.setAttribute("role", ok ? "status" : "alert");
  }

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll(".field-error[data-js]"), function (p) { p.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (field) {
      field.removeAttribute("aria-invalid");
    });
  }

  function showErrors(errors) {
    var first = null;
    Object.keys(errors || {}).forEach(function (name) {
      var field = form.elements[name];
      if (!field || !field.id) {
        return;
      }
      var p = document.createElement("p");
      p.className = "field-error";
      p.id = field.id + "-error-js";
      p.setAttribute("data-js", "");
      p.textContent = errors[name];
      field.parentNode.appendChild(p);
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", p.id);
      first = first || field;
    });
    if (first) {
      first.focus();
    }
  }

  function replyTo(link) {
    var comment = document.getElementById("comment-" + link.getAttribute("data-reply-to"));
    if (!comment) {
      return;
    }
    parentField.value = link.getAttribute("data-reply-to");
    heading.textContent = "Reply to " + link.getAttribute("data-reply-name");
    link.parentNode.insertBefore(box, link.nextSibling);
    ensureCancel();
    say("", true);
    form.elements.body.focus();
  }

  function ensureCancel() {
    var cancel = box.querySelector("[data-cancel-reply]");
    if (!cancel) {
      var p = document.createElement("p");
      p.className = "comment-replying";
      cancel = document.createElement("a");
      cancel.href = "#comment-form";
      cancel.setAttribute("data-cancel-reply", "");
      cancel.textContent = "Cancel reply";
      p.appendChild(cancel);
      p.appendChild(document.createTextNode(" and write a new comment instead."));
      heading.parentNode.insertBefore(p, heading.nextSibling);
    }
  }

  function cancelReply() {
    parentField.value = "";
    heading.textContent = "Leave a comment";
    var cancel = box.querySelector("[data-cancel-reply]");
    if (cancel) {
      cancel.parentNode.remove();
    }
    home.insertBefore(box, homeNext);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-reply-to], [data-cancel-reply]") : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    if (link.hasAttribute("data-cancel-reply")) {
      cancelReply();
      form.elements.body.focus();
    } else {
      replyTo(link);
    }
  });

  function insert(html, parentId) {
    var holder = document.createElement("div");
    holder.innerHTML = html; // the server's own rendering of the new comment, every field escaped
    var item = document.createElement("li");
    while (holder.firstChild) {
      item.appendChild(holder.firstChild);
    }
    var list;
    if (parentId) {
      var parent = document.getElementById("comment-" + parentId);
      list = parent.querySelector(":scope > .comment-replies");
      if (!list) {
        list = document.createElement("ol");
        list.className = "comment-replies";
        parent.appendChild(list);
      }
    } else {
      list = document.querySelector("#comments > .comment-list");
      if (!list) {
        list = document.createElement("ol");
        list.className = "comment-list";
        var empty = document.querySelector("#comments > .empty");
        if (empty) {
          empty.replaceWith(list);
        } else {
          home.insertBefore(list, box);
        }
      }
    }
    list.appendChild(item);
    return item.querySelector(".comment");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    clearErrors();
    var parentId = parentField.value;
    fetch(form.action, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" },
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(function (response) {
      return response.json().then(function (answer) { return { status: response.status, answer: answer }; });
    }).then(function (result) {
      button.disabled = false;
      var answer = result.answer;
      if (answer.token) {
        tokenField.value = answer.token;
      }
      if (result.status === 201) {
        form.elements.body.value = "";
        var added = answer.html ? insert(answer.html, parentId) : null;
        cancelReply();
        say(answer.message, true);
        if (added) {
          added.setAttribute("tabindex", "-1");
          added.focus();
        } else {
          box.focus();
        }
      } else {
        say(answer.message, false);
        showErrors(answer.errors);
      }
    }).catch(function () {
      // The answer was not JSON or never came: send the form the plain way instead.
      button.disabled = false;
      form.submit();
    });
  });
})();
