/* R-TEL-AUTO (P13): S-TEL asks the bank every second whether the call proved the application, and once it has,
   sends 確定する itself (marked auto) so the customer moves on to S-TOKEN. Plain JS, no library. */
(function () {
  "use strict";
  var form = document.getElementById("phone-check");
  if (!form || form.getAttribute("data-auto") !== "on") {
    return;
  }
  var leaving = false;
  var timer = null;

  /* The page goes elsewhere by itself: once only, and marked, so that whoever waits on the page sees it is leaving. */
  function leave(go) {
    if (leaving) {
      return "leaving";
    }
    leaving = true;
    window.clearInterval(timer);
    document.documentElement.setAttribute("data-leaving", "");
    go();
    return "leaving";
  }

  function moveOn() {
    return leave(function () {
      form.elements["auto"].value = "1";
      form.submit();
    });
  }

  function act(status) {
    if (!status) {
      return "still";
    }
    if (status.state === "verified" || status.state === "issued") {
      return moveOn();
    }
    if (status.state === "expired") {
      return leave(function () { window.location.reload(); }); /* R-TEL-120: the bank ends it and says to start again */
    }
    if (status.state !== "calling") {
      window.clearInterval(timer); /* gone: 確定する tells the customer what to do */
    }
    return "still";
  }

  /* One question to the bank, acted on; resolves to "leaving" when the page goes elsewhere, else "still". */
  function ask() {
    if (leaving) {
      return Promise.resolve("leaving");
    }
    return window.fetch(form.getAttribute("data-status"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      cache: "no-store"
    }).then(function (response) {
      if (response.redirected) {
        /* the session ended, or the customer is elsewhere now */
        return leave(function () { window.location.assign(response.url); });
      }
      return response.ok ? response.json().then(act) : "still";
    }).catch(function () { return "still"; /* a missed answer: ask again next second */ });
  }

  timer = window.setInterval(ask, 1000);
  /* Back from the phone's dialler (P13: <スマートフォンをご利用の方へ>): ask at once rather than at the next tick. */
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      ask();
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && leaving) { /* back from where it went, out of the back-forward cache: wait again */
      leaving = false;
      document.documentElement.removeAttribute("data-leaving");
      timer = window.setInterval(ask, 1000);
    }
    ask();
  });
  /* The phone's clock jumped (a test moved the world clock): the seconds it skipped would each have asked the bank,
     so ask now, and say whether the page is leaving. The harness waits for this before the next step acts. */
  window.mockbankCatchUp = ask;
})();
