// The article editor's progressive enhancement: a live preview of the body rendered by the
// server's own Markdown pipeline, and a warning before leaving with unsaved changes.
// Without this file the form still works: its Preview button renders the same preview.
(function () {
  'use strict';
  var form = document.querySelector('form.nr-article-form');
  if (!form) {
    return;
  }
  var token = form.querySelector('input[name=_csrf]').value;
  var body = form.querySelector('#body');
  var preview = document.getElementById('live-preview');
  var unsaved = form.getAttribute('data-unsaved') === 'true';
  var timer = null;
  var sent = 0;

  form.addEventListener('input', function () {
    unsaved = true;
  });
  form.addEventListener('submit', function () {
    unsaved = false;
  });
  window.addEventListener('beforeunload', function (event) {
    if (unsaved) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  function refresh() {
    var mine = ++sent;
    fetch('/newsroom/articles/preview', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': token, 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({ body: body.value }).toString()
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('preview answered ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      // Only the newest request may paint; the HTML was sanitized by the server.
      if (mine === sent) {
        preview.innerHTML = html;
      }
    }).catch(function () {
      if (mine === sent) {
        preview.textContent = 'The preview could not be updated; press Preview to try again.';
      }
    });
  }

  if (body && preview) {
    body.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();
  }
})();
