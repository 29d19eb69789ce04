// Preselects the browser's own time zone in the meeting page's time-zone form, when the reader has not chosen one.
// Nothing is sent: the reader sends the form (it works the same without this script).
(function () {
  var select = document.getElementById('reader-zone');
  if (!select || select.getAttribute('data-chosen') === 'true' || !window.Intl) {
    return;
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.selectedIndex = i;
      return;
    }
  }
})();
