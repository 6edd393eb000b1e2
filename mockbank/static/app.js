// The ワンタイムPW app on the phone (P15–P17): its tokens in this phone's storage, its codes from this phone's clock.
//
// A token's code comes from its seed joined with the identity this phone reports
// (R-APP-BIND; mockbank/issuer/binding.py does the same on the issuer's side). At
// setup the app keeps a check value made on this phone; copied to another phone,
// the check no longer matches and the app shows no code (anti-copy, P15).
(() => {
  "use strict";

  const TOKENS = "wotp.tokens";
  const SELECTED = "wotp.selected";
  const MAX_TOKENS = 10; // R-APP-10: 1台につき10契約（他行含む）まで
  const PERIOD = 60; // R-OTP-60: the code changes every 60 s
  const DIGITS = 6;
  const body = document.body;
  const device = body.dataset.device || "";

  const keyOf = (token) => `${token.service_id}:${token.user_id}`;

  function load() {
    try {
      const tokens = JSON.parse(localStorage.getItem(TOKENS) || "[]");
      return Array.isArray(tokens) ? tokens : [];
    } catch (error) {
      return [];
    }
  }

  function save(tokens) {
    localStorage.setItem(TOKENS, JSON.stringify(tokens));
  }

  function boundSecret(seed) {
    // The seed's bytes, then this phone's identity in ASCII: the key the codes come from.
    const seedBytes = new Uint8Array(OTPAuth.Secret.fromBase32(seed).buffer);
    const identity = new TextEncoder().encode(device);
    const key = new Uint8Array(seedBytes.length + identity.length);
    key.set(seedBytes, 0);
    key.set(identity, seedBytes.length);
    return new OTPAuth.Secret({ buffer: key.buffer });
  }

  const checkValue = (seed) =>
    OTPAuth.HOTP.generate({ secret: boundSecret(seed), algorithm: "SHA1", digits: DIGITS, counter: 0 });

  const onThisPhone = (token) => token.check === checkValue(token.seed);

  function codeAt(secret, timestamp) {
    return OTPAuth.TOTP.generate({
      secret,
      algorithm: "SHA1",
      digits: DIGITS,
      period: PERIOD,
      timestamp,
    });
  }

  // Add a token (set up now, or another bank's); false when the app already holds 10.
  function addToken(token) {
    const tokens = load();
    const stored = { ...token, check: checkValue(token.seed), name: token.name || "", extra: token.extra || "" };
    const index = tokens.findIndex((held) => keyOf(held) === keyOf(token));
    if (index >= 0) {
      tokens[index] = stored;
    } else if (tokens.length >= MAX_TOKENS) {
      return false;
    } else {
      tokens.push(stored);
    }
    save(tokens);
    localStorage.setItem(SELECTED, keyOf(token));
    return true;
  }

  function apply(instruction) {
    const tokens = load();
    if (instruction.name) {
      const token = tokens.find((held) => keyOf(held) === instruction.name.token);
      if (token) {
        token.name = instruction.name.name;
        token.extra = instruction.name.extra;
        save(tokens);
      }
    }
    if (instruction.select && tokens.some((held) => keyOf(held) === instruction.select)) {
      localStorage.setItem(SELECTED, instruction.select);
    }
  }

  function selected() {
    const tokens = load();
    const chosen = localStorage.getItem(SELECTED);
    return tokens.find((held) => keyOf(held) === chosen) || tokens[0] || null;
  }

  function label(token) {
    return token.extra ? `${token.name} ${token.extra}` : token.name;
  }

  function reportCopy(tokens) {
    const csrf = document.querySelector('meta[name="csrf-token"]');
    return fetch("/app/copied", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf ? csrf.content : "" },
      body: JSON.stringify({ tokens }),
    }).catch(() => {});
  }

  // R-REISSUE-OLD: the app asks otp-auth.net whether the token it holds still stands; offline, it shows its code.
  function askState(token) {
    const csrf = document.querySelector('meta[name="csrf-token"]');
    return fetch("/app/token-state", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf ? csrf.content : "" },
      body: JSON.stringify({ service_id: token.service_id, user_id: token.user_id, check: token.check }),
    })
      .then((response) => response.json())
      .then((answer) => answer.state)
      .catch(() => null);
  }

  function showCode(token) {
    const section = document.getElementById("token");
    section.querySelector(".name").textContent = token.name;
    section.querySelector(".extra").textContent = token.extra ? ` ${token.extra}` : "";
    const code = document.getElementById("code");
    const remaining = document.getElementById("remaining");
    const bar = document.getElementById("remaining-bar");
    const login = document.getElementById("login");
    const secret = boundSecret(token.seed); // once: the key does not change while the screen shows
    const tick = () => {
      const now = Date.now();
      const shown = codeAt(secret, now);
      code.textContent = shown;
      const seconds = Math.ceil(OTPAuth.TOTP.remaining({ period: PERIOD, timestamp: now }) / 1000);
      remaining.textContent = String(seconds);
      bar.value = seconds;
      if (token.login_url) {
        login.href = `${token.login_url}#otp=${shown}`; // R-LOGIN-FILL: the bank's login fills it in
      }
    };
    login.hidden = !token.login_url;
    tick();
    setInterval(tick, 1000);
    // The phone's clock jumped (a test moved the world clock): show the code of the new time now, not a second later.
    window.mockbankCatchUp = () => {
      tick();
      return Promise.resolve("still");
    };
    section.hidden = false;
    offerBiometrics(token);
  }

  // R-BIO-DEVICE (P16): the 生体認証 button works only on a phone with biometrics, and leads to the token's bank's
  // 生体認証利用設定 (P18) in the phone's browser, as ログイン leads to its ログイン.
  function offerBiometrics(token) {
    const button = document.getElementById("biometric");
    const credential = window.PublicKeyCredential;
    if (!token.login_url || !credential || !credential.isUserVerifyingPlatformAuthenticatorAvailable) return;
    credential.isUserVerifyingPlatformAuthenticatorAvailable().then((available) => {
      if (!available) return;
      button.dataset.href = new URL("/netbank/biometric/setting", new URL(token.login_url, location.href)).href;
      button.addEventListener("click", () => {
        location.href = button.dataset.href;
      });
      button.disabled = false;
    });
  }

  const pages = {
    setup() {
      // R-APP-10: the count goes with the form as it is sent, not as it was when the screen opened.
      const held = document.querySelector('input[name="held"]');
      const count = () => {
        if (held) held.value = String(load().length);
      };
      count();
      document.querySelector("form").addEventListener("submit", count);
    },
    done() {
      const data = document.getElementById("new-token");
      if (data && !addToken(JSON.parse(data.textContent))) {
        document.getElementById("not-kept").hidden = false; // full since 送信: the seed was not kept
        document.getElementById("kept").hidden = true;
      }
    },
    otp() {
      const data = document.getElementById("instructions");
      (data ? JSON.parse(data.textContent) : []).forEach(apply);
      const token = selected();
      if (!token) {
        location.replace("/app/setup"); // first start: 初期設定 (P15)
        return;
      }
      if (!onThisPhone(token)) {
        // Reported first, then shown: what the customer sees is already in the journal.
        reportCopy(load().length).finally(() => {
          document.getElementById("copied").hidden = false;
        });
        return;
      }
      askState(token).then((state) => {
        if (state === "revoked") {
          document.getElementById("revoked").hidden = false; // reissued on another phone: no code here
          return;
        }
        showCode(token);
      });
    },
    settings() {
      const list = document.getElementById("tokens");
      const form = document.getElementById("choose");
      const chosen = selected();
      load().forEach((token, index) => {
        form.append(Object.assign(document.createElement("input"), { type: "hidden", name: "held", value: keyOf(token) }));
        const id = `token-${index}`;
        const row = document.createElement("div");
        row.className = "check";
        const input = Object.assign(document.createElement("input"), {
          type: "radio",
          name: "token",
          id,
          value: keyOf(token),
          checked: chosen !== null && keyOf(token) === keyOf(chosen),
        });
        const text = Object.assign(document.createElement("label"), { htmlFor: id, textContent: label(token) });
        row.append(input, text);
        list.append(row);
      });
    },
  };

  window.mockbankApp = { addToken, tokens: load, maxTokens: MAX_TOKENS };
  const page = pages[body.dataset.app];
  if (page) page();
})();
