// Verifies a Carpeta Ciudadana document in the browser (folder/public/verify_offline.html).
//
// The document's token is after "#" in the page's address, which browsers never send: this
// script checks its Ed25519 signature (WebCrypto) against the issuers' published keys, its
// expiry, and its entry in the issuer's status list (IETF Token Status List, itself signed),
// then shows the certified data. A service worker (/v/sw.js) keeps the page, the keys and
// the status lists, so that verification keeps working without a connection. Every text
// shown comes from the page (translated there); values are written with textContent only.
(function () {
  "use strict";

  var root = document.getElementById("verificacion");
  if (!root) {
    return;
  }

  var OFFLINE_HEADER = "X-Abierto-Sin-Conexion";
  var STORED_HEADER = "X-Abierto-Guardado";

  function part(role) {
    return root.querySelector('[data-role="' + role + '"]');
  }

  function show(outcome) {
    part("progress").hidden = true;
    root.querySelectorAll("[data-outcome]").forEach(function (element) {
      element.hidden = element.getAttribute("data-outcome") !== outcome;
    });
    root.setAttribute("data-result", outcome);
  }

  // --- encodings ------------------------------------------------------------------------

  function bytesFromBase64url(text) {
    if (typeof text !== "string" || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
      throw new Error("not base64url");
    }
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) {
      base64 += "=";
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function jsonFromBase64url(text) {
    var value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytesFromBase64url(text)));
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new Error("not a JSON object");
    }
    return value;
  }

  // A compact JWS as this platform signs it: {"alg": "EdDSA", "kid": ..., "typ": ...}.
  function parseCompact(token, typ) {
    var segments = String(token).split(".");
    if (segments.length !== 3) {
      throw new Error("not a compact JWS");
    }
    var header = jsonFromBase64url(segments[0]);
    if (header.alg !== "EdDSA" || typeof header.kid !== "string" || header.typ !== typ) {
      throw new Error("unexpected header");
    }
    return {
      header: header,
      payload: jsonFromBase64url(segments[1]),
      signature: bytesFromBase64url(segments[2]),
      signingInput: new TextEncoder().encode(segments[0] + "." + segments[1]),
    };
  }

  async function signatureHolds(jws, jwk) {
    if (!jwk || jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") {
      return false;
    }
    var key = await crypto.subtle.importKey(
      "jwk",
      { kty: "OKP", crv: "Ed25519", x: jwk.x },
      { name: "Ed25519" },
      false,
      ["verify"]
    );
    return crypto.subtle.verify({ name: "Ed25519" }, key, jws.signature, jws.signingInput);
  }

  // RFC 8032's first test vector: importing it tells whether WebCrypto has Ed25519.
  async function ed25519Available() {
    if (!window.crypto || !crypto.subtle) {
      return false;
    }
    try {
      await crypto.subtle.importKey(
        "jwk",
        { kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" },
        { name: "Ed25519" },
        false,
        ["verify"]
      );
      return true;
    } catch (error) {
      return false;
    }
  }

  async function inflate(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // --- fetching, through the service worker when there is one -----------------------------

  async function fetchFrom(url, read) {
    var response = await fetch(url, { credentials: "omit" });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return {
      body: await read(response),
      offline: response.headers.get(OFFLINE_HEADER) === "1",
      stored: response.headers.get(STORED_HEADER),
    };
  }

  function pathOf(absolute, siteUrl) {
    // The bundle names the site's own addresses; fetch them from this origin.
    var url = new URL(absolute, siteUrl);
    return url.pathname + url.search;
  }

  // --- the checks ---------------------------------------------------------------------------

  async function statusOf(payload, issuer, jwks, bundle) {
    var reference = payload.status && payload.status.status_list;
    if (!reference || !Number.isInteger(reference.idx) || reference.idx < 0) {
      return { value: 0 };
    }
    if (reference.uri !== issuer.status_list) {
      throw new Error("status list of another issuer");
    }
    var fetched;
    try {
      fetched = await fetchFrom(pathOf(issuer.status_list, bundle.site_url), function (r) {
        return r.text();
      });
    } catch (error) {
      return { unknown: true };
    }
    var list = parseCompact(fetched.body.trim(), "statuslist+jwt");
    if (issuer.kids.indexOf(list.header.kid) < 0 || !(await signatureHolds(list, keyFor(jwks, list.header.kid)))) {
      throw new Error("status list not signed by its issuer");
    }
    if (list.payload.sub !== reference.uri || list.payload.iss !== issuer.slug) {
      throw new Error("status list for another address");
    }
    var claim = list.payload.status_list || {};
    var bits = claim.bits;
    if ([1, 2, 4, 8].indexOf(bits) < 0) {
      throw new Error("status list bits");
    }
    var data = await inflate(bytesFromBase64url(claim.lst));
    var position = reference.idx * bits;
    var byte = Math.floor(position / 8);
    if (byte >= data.length) {
      throw new Error("index outside the list");
    }
    return {
      value: (data[byte] >> position % 8) & ((1 << bits) - 1),
      offline: fetched.offline,
      stored: fetched.stored,
    };
  }

  function keyFor(jwks, kid) {
    var keys = (jwks && Array.isArray(jwks.keys) && jwks.keys) || [];
    for (var i = 0; i < keys.length; i += 1) {
      if (keys[i].kid === kid) {
        return keys[i];
      }
    }
    return null;
  }

  function find(list, test) {
    for (var i = 0; i < list.length; i += 1) {
      if (test(list[i])) {
        return list[i];
      }
    }
    return null;
  }

  async function verify(token, bundle, jwks, offline) {
    var jws = parseCompact(token, bundle.document_typ);
    var issuer = find(bundle.issuers, function (candidate) {
      return candidate.kids.indexOf(jws.header.kid) >= 0;
    });
    if (!issuer && offline) {
      // Perhaps a key published since this device last had a connection.
      return { outcome: "unknown-key-offline" };
    }
    if (!issuer || !(await signatureHolds(jws, keyFor(jwks, jws.header.kid)))) {
      return { outcome: "invalid" };
    }
    var payload = jws.payload;
    var kind = find(bundle.document_types, function (candidate) {
      return candidate.slug === payload.vct;
    });
    if (payload.iss !== issuer.slug || !kind || typeof payload.jti !== "string" || !payload.fields || typeof payload.fields !== "object" || Array.isArray(payload.fields)) {
      return { outcome: "invalid" };
    }
    var status = await statusOf(payload, issuer, jwks, bundle);
    var outcome = "valid";
    if (status.unknown) {
      outcome = "status-unknown";
    } else if (status.value !== 0) {
      outcome = "revoked";
    } else if (typeof payload.exp === "number" && payload.exp * 1000 <= Date.now()) {
      outcome = "expired";
    }
    return { outcome: outcome, payload: payload, issuer: issuer, kind: kind, status: status, mask: bundle.mask };
  }

  // --- showing the result -----------------------------------------------------------------

  var LANGUAGE = document.documentElement.lang || "es-MX";

  function writtenDate(iso) {
    // Certified dates read as the document prints them, in Spanish (display.py does the same).
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!match) {
      return iso;
    }
    var day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    if (isNaN(day.getTime())) {
      return iso;
    }
    return new Intl.DateTimeFormat("es-MX", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(day);
  }

  function moment(seconds) {
    var when = new Date(seconds * 1000);
    if (typeof seconds !== "number" || isNaN(when.getTime())) {
      return "—";
    }
    var options = { dateStyle: "long", timeStyle: "short" };
    try {
      // The site's time zone, as the server's pages write dates.
      return new Intl.DateTimeFormat(LANGUAGE, Object.assign({ timeZone: root.getAttribute("data-time-zone") }, options)).format(when);
    } catch (error) {
      return new Intl.DateTimeFormat(LANGUAGE, options).format(when);
    }
  }

  function shown(value, spec) {
    if (spec && spec.labels && Object.prototype.hasOwnProperty.call(spec.labels, String(value))) {
      return spec.labels[String(value)];
    }
    if (typeof value === "boolean") {
      return value ? "Sí" : "No";
    }
    if (value === null || value === undefined) {
      return "—";
    }
    if (spec && spec.format === "date" && typeof value === "string") {
      return writtenDate(value);
    }
    if (Array.isArray(value)) {
      return value.map(function (item) {
        return shown(item, {});
      }).join(", ");
    }
    if (typeof value === "object") {
      return JSON.stringify(value);
    }
    return String(value);
  }

  function addFact(list, label, value) {
    var term = document.createElement("dt");
    term.textContent = label;
    var definition = document.createElement("dd");
    definition.textContent = value;
    list.appendChild(term);
    list.appendChild(definition);
  }

  // Another person's CUTS opens (or could lock) their folder: a verifier sees its last
  // characters only, as on the server's page.
  function masked(name, value, kind, mask) {
    var hidden = (kind.masked || []).indexOf(name) >= 0 || name.indexOf("cuts") === 0;
    if (!hidden || typeof value !== "string" || !value || !mask) {
      return null;
    }
    return mask.prefix + value.slice(-mask.visible);
  }

  function render(result) {
    var payload = result.payload;
    part("document-type").textContent = result.kind.name;
    part("issuer").textContent = result.issuer.name;
    part("issued-at").textContent = moment(payload.iat);
    var expires = part("expires-at");
    expires.textContent = typeof payload.exp === "number"
      ? expires.getAttribute("data-until").replace("%(date)s", moment(payload.exp))
      : expires.getAttribute("data-none");
    part("document-id").textContent = payload.jti;
    var fields = part("fields");
    fields.textContent = "";
    var seen = {};
    result.kind.fields.forEach(function (spec) {
      if (Object.prototype.hasOwnProperty.call(payload.fields, spec.name)) {
        seen[spec.name] = true;
        var value = payload.fields[spec.name];
        addFact(fields, spec.title, masked(spec.name, value, result.kind, result.mask) || shown(value, spec));
      }
    });
    Object.keys(payload.fields).forEach(function (name) {
      if (!seen[name]) {
        var value = payload.fields[name];
        addFact(fields, name, masked(name, value, result.kind, result.mask) || shown(value, {}));
      }
    });
    part("details").hidden = false;
    var note = part("checked-locally");
    var age = part("status-age");
    if (result.status && result.status.offline) {
      var stored = result.status.stored ? new Date(result.status.stored) : null;
      var when = stored && !isNaN(stored.getTime()) ? moment(stored.getTime() / 1000) : "—";
      age.textContent = age.getAttribute("data-offline").replace("%(date)s", when);
    } else {
      age.textContent = "";
    }
    note.hidden = false;
  }

  // --- the service worker -----------------------------------------------------------------

  function startWorker() {
    if (!("serviceWorker" in navigator)) {
      return;
    }
    navigator.serviceWorker
      .register(root.getAttribute("data-worker"), { scope: root.getAttribute("data-worker-scope") })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        if (!navigator.onLine || !registration.active) {
          return null;
        }
        // Fresh copies of the keys and of every issuer's status list, then say it is ready.
        return new Promise(function (resolve) {
          var channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          registration.active.postMessage({ type: "refresh" }, [channel.port2]);
        });
      })
      .then(function () {
        part("offline-ready").hidden = false;
        root.setAttribute("data-offline-ready", "1");
      })
      .catch(function () {
        // Without a worker the page still verifies while online.
      });
  }

  function readJson(response) {
    return response.json();
  }

  async function run() {
    startWorker();
    var token = decodeURIComponent(window.location.hash.replace(/^#/, "")).trim();
    if (!token) {
      show("no-token");
      return;
    }
    part("progress").hidden = false;
    if (!(await ed25519Available())) {
      var link = part("server-link");
      link.addEventListener("click", function () {
        // Only on this explicit choice does the code go to the server.
        link.href = root.getAttribute("data-worker-scope") + encodeURIComponent(token);
      });
      show("unsupported");
      return;
    }
    var bundle;
    var jwks;
    try {
      var fetched = await fetchFrom(root.getAttribute("data-bundle"), readJson);
      bundle = fetched.body;
      jwks = (await fetchFrom(bundle.jwks, readJson)).body;
    } catch (error) {
      // Neither the network nor a copy kept by an earlier visit: nothing to check against.
      show("unreachable");
      return;
    }
    var result;
    try {
      result = await verify(token, bundle, jwks, fetched.offline);
    } catch (error) {
      result = { outcome: "invalid" };
    }
    show(result.outcome);
    if (result.payload) {
      render(result);
    }
  }

  window.addEventListener("hashchange", function () {
    window.location.reload();
  });
  run();
})();
