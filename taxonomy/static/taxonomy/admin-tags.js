// The admin's tag field (Wagtail's tag-it chips) wraps every multi-word tag in double quotes, so
// « Loto quine » showed as "Loto quine". Tags are separated by commas only on this site
// (taxonomy/tag_strings.py), so the chips keep the tag as typed. This extends the tag-it widget
// the documented jQuery UI way, before Wagtail's controllers create the fields.
(function ($) {
  "use strict";
  if (!$ || !$.ui || !$.ui.tagit) {
    return;
  }
  function asTyped(value) {
    return value.replace(/^"(.*)"$/, "$1").trim();
  }
  $.widget("ui.tagit", $.ui.tagit, {
    _create: function () {
      this.options.preprocessTag = asTyped;
      return this._super();
    },
  });
})(window.jQuery);
