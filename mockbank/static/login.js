/* R-LOGIN-FILL (P17): the ワンタイムPW app opens ログイン at /netbank/login#otp=123456. This fills the
   ワンタイムパスワード field from that fragment when it is exactly 6 ASCII digits, and takes the fragment out of
   the address bar and the history (a fragment never goes to the server). Plain JS, no library. */
(function () {
  "use strict";
  var hash = window.location.hash;
  if (hash.indexOf("#otp=") !== 0) {
    return;
  }
  var code = hash.slice("#otp=".length);
  var field = document.getElementById("otp");
  var filled = document.getElementById("otp_filled");
  if (field && /^[0-9]{6}$/.test(code)) {
    field.value = code;
    if (filled) {
      filled.value = "1";
      field.addEventListener("input", function () {
        filled.value = ""; /* the customer typed over the app's code */
      });
    }
  }
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
})();
