// The link a citizen just created to share documents (folder/citizen/shares.html): a button
// copies it, and where the browser has a share sheet (Web Share API: phones, some desktops)
// another opens it. Both buttons stay hidden without this script; the page then offers the
// link, which one tap selects whole, and an e-mail link.
(function () {
  "use strict";

  function setUp(box) {
    var source = document.getElementById(box.getAttribute("data-share-link"));
    var status = document.getElementById(box.getAttribute("data-share-status"));
    if (!source || !status) {
      return;
    }
    var url = source.textContent.trim();

    function say(message, isError) {
      status.textContent = message;
      status.classList.toggle("is-error", Boolean(isError));
    }

    function copyBySelection() {
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      return copied;
    }

    var copy = box.querySelector("[data-share-copy]");
    if (copy) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        var done = function () { say(status.getAttribute("data-copied"), false); };
        var fallback = function () {
          if (copyBySelection()) {
            done();
          } else {
            say(status.getAttribute("data-failed"), true);
          }
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(done, fallback);
        } else {
          fallback();
        }
      });
    }

    var native = box.querySelector("[data-share-native]");
    var data = {
      title: box.getAttribute("data-share-title") || "",
      text: box.getAttribute("data-share-text") || "",
      url: url,
    };
    if (native && navigator.share && (!navigator.canShare || navigator.canShare(data))) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share(data).catch(function () {
          // Closing the share sheet is not an error worth a message.
        });
      });
    }
  }

  document.querySelectorAll("[data-share-link]").forEach(setUp);
})();
