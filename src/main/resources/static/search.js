// Autocomplete for the header's search box: fills its datalist with topics and headlines as the
// reader types. Without this script the box still works, and the results page lists matching topics.
(function () {
  var input = document.getElementById('site-search-q');
  var list = document.getElementById('site-search-suggestions');
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = '';
  function fill(items) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    items.forEach(function (item) {
      var option = document.createElement('option');
      option.value = item.label;
      option.label = item.kind === 'topic' ? 'Topic' : 'Story';
      list.appendChild(option);
    });
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value;
    if (q.length < 2 || q === asked) {
      return;
    }
    timer = setTimeout(function () {
      asked = q;
      fetch('/search/suggest?q=' + encodeURIComponent(q), {headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (input.value === q) { fill(items); } })
        .catch(function () { /* suggestions are a convenience; typing goes on */ });
    }, 150);
  });
})();
