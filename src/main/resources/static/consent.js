// Cookie consent without a page reload, and click-to-load embeds. Everything here is an
// enhancement: the forms post and redirect without JavaScript, and embeds stay plain links.
// Reads only the site's own consent cookie; writes no cookie or storage itself.
(function () {
  'use strict';
  function storedChoice() {
    var match = document.cookie.match(/(?:^|;\s*)masthead_consent=([A-Za-z0-9_-]+)\.(\d+)\.([a-z+]+)/);
    if (!match) return null;
    return { version: Number(match[2]), allowed: match[3] === 'none' ? [] : match[3].split('+') };
  }

  function currentChoice() {
    var banner = document.getElementById('consent-banner');
    var choice = storedChoice();
    // A choice made under an older policy version no longer counts.
    if (choice && banner && Number(banner.getAttribute('data-policy-version')) !== choice.version) return null;
    return choice;
  }

  function allows(choice, key) {
    return !!choice && choice.allowed.indexOf(key) >= 0;
  }

  function loadFrame(holder) {
    var src = holder.getAttribute('data-embed-src');
    if (!src || holder.querySelector('iframe')) return;
    var link = holder.querySelector('a');
    var frame = document.createElement('iframe');
    frame.src = src;
    frame.title = (link ? link.textContent : 'Embedded content') + ' (' + holder.getAttribute('data-embed-provider') + ')';
    frame.loading = 'lazy';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.setAttribute('allowfullscreen', '');
    var button = holder.querySelector('.embed-load');
    if (button) button.parentNode.removeChild(button);
    holder.insertBefore(frame, holder.firstChild);
    holder.classList.add('embed-loaded');
  }

  function prepareEmbeds(choice) {
    var holders = document.querySelectorAll('.embed[data-embed-src]');
    for (var i = 0; i < holders.length; i++) {
      var holder = holders[i];
      if (allows(choice, 'media')) {
        loadFrame(holder);
      } else if (!holder.querySelector('.embed-load')) {
        // A one-off load: the reader's click is consent for this frame only; nothing is stored.
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'embed-load';
        button.textContent = 'Load it here (sends your IP address to ' + holder.getAttribute('data-embed-provider') + ')';
        button.addEventListener('click', loadFrame.bind(null, holder));
        holder.appendChild(button);
      }
    }
  }

  function say(text) {
    var status = document.querySelector('.consent-status');
    if (!status) {
      status = document.createElement('p');
      status.className = 'consent-status visually-hidden';
      status.setAttribute('role', 'status');
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  function syncCheckboxes(allowed) {
    var boxes = document.querySelectorAll('.consent-choices input[name=allow]');
    for (var i = 0; i < boxes.length; i++) {
      if (!boxes[i].disabled) boxes[i].checked = allowed.indexOf(boxes[i].value) >= 0;
    }
  }

  function submit(event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('consent-form')) return;
    event.preventDefault();
    var data = new URLSearchParams(new FormData(form));
    if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    fetch(form.action, {
      method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      if (!response.ok) throw new Error('status ' + response.status);
      return response.json();
    }).then(function (answer) {
      var banner = document.getElementById('consent-banner');
      var inBanner = banner && banner.contains(form);
      if (banner) banner.parentNode.removeChild(banner);
      syncCheckboxes(answer.allowed);
      prepareEmbeds({ version: answer.version, allowed: answer.allowed });
      say('Your cookie choice is saved. You can change it under Cookie settings at the foot of every page.');
      // The focused button went away with the banner: continue where the page begins.
      if (inBanner) document.getElementById('main-content').focus();
    }).catch(function () {
      // The plain form post still works: send the pressed button along, as the browser would.
      if (event.submitter && event.submitter.name) {
        var pressed = document.createElement('input');
        pressed.type = 'hidden';
        pressed.name = event.submitter.name;
        pressed.value = event.submitter.value;
        form.appendChild(pressed);
      }
      form.submit();
    });
  }

  document.addEventListener('submit', submit);
  function start() {
    var choice = currentChoice();
    var banner = document.getElementById('consent-banner');
    // A page restored from history may still show the question already answered.
    if (choice && banner && banner.classList.contains('consent-banner')) banner.parentNode.removeChild(banner);
    prepareEmbeds(choice);
  }

  document.addEventListener('DOMContentLoaded', start);
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) start();
  });
}());
