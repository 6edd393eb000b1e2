/* 生体認証 (S-BIO-SET P18, S-BIO-LOGIN P19): the phone's own biometric through WebAuthn. The bank put this session's
   options in the page; the button asks the phone (navigator.credentials.create / get, user verification required),
   and the form carries the phone's answer — or that it said no — back to the bank, which verifies it (py_webauthn).
   The page never learns why the phone said no (not recognised, cancelled, timed out: all NotAllowedError). */
(function () {
  "use strict";
  var form = document.getElementById("ceremony");
  var data = document.getElementById("webauthn-options");
  if (!form || !data) return;
  var options = JSON.parse(data.textContent);
  var kind = form.dataset.kind; /* "create" | "get" */
  var button = document.getElementById("start");

  function bytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    b64 += "=".repeat((4 - (b64.length % 4)) % 4);
    return Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); });
  }
  function text(buffer) {
    if (!buffer) return null;
    var s = String.fromCharCode.apply(null, new Uint8Array(buffer));
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function publicKey() {
    var P = window.PublicKeyCredential;
    if (kind === "create" && P.parseCreationOptionsFromJSON) return P.parseCreationOptionsFromJSON(options);
    if (kind === "get" && P.parseRequestOptionsFromJSON) return P.parseRequestOptionsFromJSON(options);
    var o = Object.assign({}, options, { challenge: bytes(options.challenge) }); /* browsers before the JSON helpers */
    if (o.user) o.user = Object.assign({}, o.user, { id: bytes(o.user.id) });
    ["excludeCredentials", "allowCredentials"].forEach(function (list) {
      if (o[list]) o[list] = o[list].map(function (c) { return Object.assign({}, c, { id: bytes(c.id) }); });
    });
    return o;
  }
  function answer(credential) {
    if (credential.toJSON) return credential.toJSON();
    var r = credential.response;
    var response = kind === "create"
      ? { clientDataJSON: text(r.clientDataJSON), attestationObject: text(r.attestationObject),
          transports: r.getTransports ? r.getTransports() : [] }
      : { clientDataJSON: text(r.clientDataJSON), authenticatorData: text(r.authenticatorData),
          signature: text(r.signature), userHandle: text(r.userHandle) };
    return { id: credential.id, rawId: text(credential.rawId), type: credential.type, response: response,
             authenticatorAttachment: credential.authenticatorAttachment, clientExtensionResults: {} };
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    var ask;
    try {
      ask = navigator.credentials[kind]({ publicKey: publicKey() });
    } catch (error) {
      ask = Promise.reject(error);
    }
    ask.then(function (credential) {
      form.elements.credential.value = JSON.stringify(answer(credential));
    }, function (error) {
      form.elements.failure.value = (error && error.name) || "Error";
    }).then(function () {
      form.submit();
    });
  });
})();
