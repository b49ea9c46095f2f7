/* Translation tabs in the admin forms: every EN/ES tab group of a form switches
   together, and a tab whose text is missing or outdated carries a badge (the
   field's data-translation-badge, written by the server in the editor's language).
   Without JavaScript the fields stay one under the other, each with its hint. */
"use strict";
(function () {
  var jq = window.jQuery || (window.django && window.django.jQuery);
  if (!jq) return;

  function language(anchor) {
    return (anchor.getAttribute("href") || "").split("_").pop();
  }

  function addBadges(groups) {
    groups.find(".ui-tabs-nav a").each(function () {
      var panel = document.querySelector(this.getAttribute("href"));
      var field = panel && panel.querySelector("[data-translation-badge]");
      if (field) {
        var mark = document.createElement("span");
        mark.className = "translation-badge";
        mark.textContent = field.getAttribute("data-translation-badge");
        this.appendChild(mark);
      }
    });
  }

  function switchTogether($, groups) {
    var switching = false;
    groups.on("tabsactivate", function (event, ui) {
      if (switching) return;
      var chosen = language(ui.newTab.find("a")[0]);
      switching = true;
      groups.not(this).each(function () {
        var index = $(this).find(".ui-tabs-nav a").toArray().map(language).indexOf(chosen);
        if (index >= 0) $(this).tabs("option", "active", index);
      });
      var mainSwitch = document.getElementById("modeltranslation-main-switch");
      var position = groups.first().tabs("option", "active");
      if (mainSwitch && position !== false) mainSwitch.value = String(position);
      switching = false;
    });
  }

  // A ready handler registered after modeltranslation's, which builds the tabs.
  jq(function ($) {
    if (!$.fn.tabs) return;
    var groups = $(".ui-tabs");
    addBadges(groups);
    switchTogether($, groups);
  });
})();
