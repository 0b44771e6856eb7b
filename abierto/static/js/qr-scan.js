/* Reads the QR of a carnet jurídico for the carnet login form.
 *
 * Progressive enhancement: without this file the page still works (the person uploads a
 * photo of the QR, which the server decodes). This script adds two things:
 * - the carnet's QR opens /carpeta/carnet/#<token>: the token, in the fragment, never reaches
 *   the server by itself, so it is copied into the form's hidden field (then removed from
 *   the address bar) and posted with the PIN;
 * - where the browser has BarcodeDetector and a camera, a "Usar la cámara" button reads the
 *   QR live; the decoded text is posted exactly like the text read from an uploaded photo.
 */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  async function canScan() {
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return false;
    }
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      return formats.indexOf("qr_code") !== -1;
    } catch (error) {
      return false;
    }
  }

  function accept(messages, text) {
    const form = messages.closest("form");
    form.querySelector("[data-qr-token]").value = text;
    const upload = form.querySelector("[data-qr-upload]");
    if (upload) { upload.hidden = true; }
    messages.querySelector("[data-qr-status]").textContent = messages.dataset.readText;
    const next = form.querySelector("[data-qr-focus-after]");
    if (next) { next.focus(); }
  }

  function fromFragment(messages) {
    const hash = window.location.hash;
    if (hash.length < 2) { return; }
    let text = hash.slice(1);
    try { text = decodeURIComponent(text); } catch (error) { /* keep it as it came */ }
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    accept(messages, text);
  }

  function setupCamera(messages) {
    const root = messages.querySelector("[data-qr-scanner]");
    const startButton = root.querySelector("[data-qr-start]");
    const stopButton = root.querySelector("[data-qr-stop]");
    const video = root.querySelector("video");
    const status = messages.querySelector("[data-qr-status]");
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    let stream = null;
    let timer = null;

    function stop() {
      if (timer !== null) { window.clearTimeout(timer); timer = null; }
      if (stream !== null) { stream.getTracks().forEach(function (track) { track.stop(); }); stream = null; }
      video.hidden = true;
      stopButton.hidden = true;
      startButton.hidden = false;
    }

    async function tick() {
      try {
        const codes = await detector.detect(video);
        if (codes.length > 0 && codes[0].rawValue) {
          stop();
          accept(messages, codes[0].rawValue);
          return;
        }
      } catch (error) {
        /* A frame that is not ready yet: try the next one. */
      }
      timer = window.setTimeout(tick, 250);
    }

    startButton.addEventListener("click", async function () {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      } catch (error) {
        status.textContent = messages.dataset.deniedText;
        return;
      }
      video.srcObject = stream;
      video.hidden = false;
      startButton.hidden = true;
      stopButton.hidden = false;
      status.textContent = messages.dataset.scanningText;
      try { await video.play(); } catch (error) { /* autoplay refused: frames still arrive */ }
      tick();
    });
    stopButton.addEventListener("click", function () { stop(); status.textContent = ""; });
    window.addEventListener("pagehide", stop);
    root.hidden = false;
  }

  ready(async function () {
    const all = document.querySelectorAll("[data-qr-messages]");
    all.forEach(fromFragment);
    // The QR opened again while this page is shown changes only the fragment: no new page.
    window.addEventListener("hashchange", function () { all.forEach(fromFragment); });
    if (all.length === 0 || !(await canScan())) { return; }
    all.forEach(setupCamera);
  });
})();
