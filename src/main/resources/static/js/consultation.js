// Optional: selecting words of the paragraph fills the "passage" field. Without it, people paste the passage.
(function () {
  var text = document.getElementById('paragraph-text');
  var field = document.getElementById('passage');
  if (!text || !field) return;
  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) return;
    var passage = selection.toString().replace(/\s+/g, ' ').trim();
    if (passage) field.value = passage;
  });
})();
