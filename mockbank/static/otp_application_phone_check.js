/* R-TEL-AUTO (P13): S-TEL asks the bank every second whether the call proved the application, and once it has,
   sends 確定する itself (marked auto) so the customer moves on to S-TOKEN. Plain JS, no library. */
(function () {
  "use strict";
  var form = document.getElementById("phone-check");
  if (!form || form.getAttribute("data-auto") !== "on") {
    return;
  }
  var sent = false;
  var timer = null;

  function moveOn() {
    if (sent) {
      return;
    }
    sent = true;
    window.clearInterval(timer);
    form.elements["auto"].value = "1";
    form.submit();
  }

  function ask() {
    window.fetch(form.getAttribute("data-status"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      cache: "no-store"
    }).then(function (response) {
      if (response.redirected) {
        window.clearInterval(timer);
        window.location.assign(response.url); /* the session ended, or the customer is elsewhere now */
        return null;
      }
      return response.ok ? response.json() : null;
    }).then(function (status) {
      if (!status) {
        return;
      }
      if (status.state === "verified" || status.state === "issued") {
        moveOn();
      } else if (status.state === "expired") {
        window.clearInterval(timer);
        window.location.reload(); /* R-TEL-120: the bank ends the application and says to start again */
      } else if (status.state !== "calling") {
        window.clearInterval(timer); /* gone: 確定する tells the customer what to do */
      }
    }).catch(function () { /* a missed answer: ask again next second */ });
  }

  timer = window.setInterval(ask, 1000);
  /* Back from the phone's dialler (P13: <スマートフォンをご利用の方へ>): ask at once rather than at the next tick. */
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      ask();
    }
  });
  window.addEventListener("pageshow", ask);
})();
