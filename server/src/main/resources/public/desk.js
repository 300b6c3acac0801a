// The verification desk's forms. htmx sends them; this file adds what htmx leaves to the page:
// the session's CSRF token as a header (multipart forms cannot carry it where the server reads it
// before the upload), a progress bar for uploads, and a readable refusal when the server says no.
(function () {
  'use strict';

  document.addEventListener('htmx:configRequest', function (evt) {
    var form = evt.detail.elt.closest ? evt.detail.elt.closest('form[data-csrf]') : null;
    if (form) {
      evt.detail.headers['X-CSRF-Token'] = form.dataset.csrf;
    }
  });

  document.addEventListener('htmx:xhr:progress', function (evt) {
    var form = evt.target.closest ? evt.target.closest('form') : null;
    var bar = form ? form.querySelector('progress') : null;
    if (bar && evt.detail.lengthComputable) {
      bar.hidden = false;
      bar.value = Math.round((evt.detail.loaded / evt.detail.total) * 100);
    }
  });

  document.addEventListener('htmx:responseError', function (evt) {
    var target = document.getElementById(evt.detail.target ? evt.detail.target.id : '');
    if (!target) {
      return;
    }
    var doc = new DOMParser().parseFromString(evt.detail.xhr.responseText, 'text/html');
    var msg = doc.querySelector('main') ? doc.querySelector('main').textContent : '';
    var p = document.createElement('p');
    p.className = 'problem';
    p.setAttribute('role', 'alert');
    p.textContent = 'Not stored (' + evt.detail.xhr.status + '): ' + msg.trim();
    target.replaceChildren(p);
  });
})();
