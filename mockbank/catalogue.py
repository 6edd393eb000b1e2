"""The project's own catalogue of the smartphone guide: pages, journeys, screens and rules, by stable ID.

Feature tags name these IDs (@P6 @S-ID @R-ID-FMT); every tag must be here
(pytest runs with --strict-markers), and the coverage map lists each item
with the scenarios that check it.
"""

PAGES = {
    "SEC1": "§1 ご利用にあたって: shared credentials, OTP and mail-notification passwords, mail domains to accept",
    "SEC2-1": "§2(1) the bank's top page and つないでネ！ットご利用案内 with its four entries",
    "SEC2-4": "§2(4) risk-based authentication by secret question",
    "P5": "お客様情報入力 (SID001): representative account and temp or latest passwords",
    "P6": "ログインID取得 and its completion",
    "P7": "初回ログイン",
    "P8": "追加認証登録: three secret questions and answers",
    "P9": "パスワード変更 for new contracts",
    "P10": "お客さま情報登録: mail, phone, daily transfer limits",
    "P11": "お客さま情報登録 confirmation",
    "P12": "ワンタイムパスワード利用申請",
    "P13": "電話番号認証 and the token issue",
    "P14": "downloading the ワンタイムPW app",
    "P15": "app 初期設定 and its completion",
    "P16": "トークン表示名設定",
    "P17": "logging in from the app with a one-time password",
    "P18": "生体認証利用設定",
    "P19": "生体認証ログイン",
    "P20": "トークン再発行 after a change of phone",
}

JOURNEYS = {
    "J-NEW": "a new contract, from the temp passwords to logging in with a one-time password",
    "J-INIT": "a customer whose login ID was initialised takes a new one with the latest passwords",
    "J-EXIST": "a customer already using つないでネ！ット logs in",
    "J-PC": "a PC user adds a smartphone with the same ID and passwords",
    "J-BIO": "biometric set-up and biometric login",
    "J-CHG": "a change of phone: token reissue and the old token stops",
    "J-APPLY": "someone without a contract learns how to apply",
}

SCREENS = {
    "S-TOP": "bank top page and つないでネ！ットご利用案内",
    "SID001": "お客様情報入力",
    "S-ID": "ログインID取得",
    "S-ID-DONE": "ログインID取得 completed, ID masked, acknowledgement",
    "S-LOGIN1": "初回ログイン",
    "S-QA": "追加認証登録 (secret questions)",
    "S-PW": "パスワード変更",
    "S-INFO": "お客さま情報登録",
    "S-INFO-OK": "お客さま情報登録 confirmation",
    "S-OTPAPP": "ワンタイムパスワード利用申請",
    "S-TEL": "電話番号認証",
    "S-TOKEN": "token issued: service ID and user ID",
    "A-DL": "app download",
    "A-SETUP": "app 初期設定",
    "A-DONE": "app 初期設定完了",
    "A-NAME": "app トークン表示名設定",
    "A-OTP": "app one-time password display",
    "S-LOGIN": "ログイン with one-time password",
    "S-HOME": "つないでネ！ット top page, logged in",
    "S-BIO-SET": "生体認証利用設定",
    "S-BIO-LOGIN": "生体認証ログイン",
    "S-REISSUE-AUTH": "トークン再発行: choice of authentication",
    "S-REISSUE": "トークン再発行",
    "S-RBA": "追加認証 at login (one secret question)",
    "M-MAIL": "the customer's mailbox",
    "S-APPLY": "(this project's) これからご契約: how to apply, in writing or online",
    "S-BRANCHES": "(this project's) 店番一覧, where SID001's 店番 help link leads",
    "S-ID-LOST": "(this project's) ログインIDをお忘れの方: no online recovery",
    "T-PHONE": "the customer's phone dialling 0120",
}

RULES = {
    "R-CRED-SHARED": "one login ID and password set for PC and phone; no second login ID",
    "R-ACCT-BRANCH": "店番 is required, 3 half-width digits",
    "R-ACCT-NO": "口座番号 is required, 7 half-width digits with leading zeros",
    "R-ACCT-MATCH": "account and passwords must match the bank's record; the error does not say which part",
    "R-HANKAKU": "IDs and passwords are half-width letters and digits, case-sensitive",
    "R-ID-FMT": "login ID: 6–12 characters, letters and digits mixed",
    "R-ID-TWICE": "login ID typed twice must match",
    "R-ID-UNIQUE": "a login ID taken by someone else is refused",
    "R-DISTINCT": "login ID, login password and confirm password all differ",
    "R-ID-ACK": "確認しました。 is ticked before going on",
    "R-PW-FMT": "passwords: 6–12 half-width characters, letters and digits mixed",
    "R-PW-TWICE": "each new password typed twice must match",
    "R-PW-CHANGE": "a new contract changes both temp passwords before going on",
    "R-QA-COUNT": "exactly three secret question and answer pairs",
    "R-QA-DISTINCT": "the three questions differ and the three answers differ",
    "R-QA-ZENKAKU": "answers are full-width only, at most 10 characters",
    "R-QA-EXACT": "answers match exactly as typed",
    "R-RBA": "an unusual login asks one secret question",
    "R-MAIL-TWICE": "mail address typed twice must match and be well formed",
    "R-TEL": "連絡先電話番号 in three parts of half-width digits",
    "R-LIMIT": "a daily transfer limit per account, 0–100 万円 (0–300 with a one-time-pass card)",
    "R-CONFIRM-PW": "registration and OTP application need the confirm password",
    "R-MAILPW": "registering mail starts メール通知パスワード for PC; OTP stops it",
    "R-START-PW": "利用開始パスワード: 4–8 digits, typed twice",
    "R-TEL-PICK": "the calling phone is picked among registered numbers, last 4 digits shown",
    "R-TEL-120": "the call comes within 120 s of the screen showing",
    "R-TEL-CLI": "a withheld or other caller ID does not authenticate",
    "R-TEL-AUTO": "a verified call moves the screen on; 確定する works otherwise",
    "R-TOKEN-MAIL": "token mail from otp-auth.net, notices from am-bk.co.jp; rejected domains get nothing",
    "R-APP-10": "one app holds at most 10 tokens",
    "R-APP-SETUP": "app set-up needs service ID, user ID, start password and consent",
    "R-APP-BIND": "app data copied to another device does not work",
    "R-OTP-60": "the OTP changes every 60 s; a skewed phone clock is refused beyond the drift",
    "R-OTP-ONCE": "an OTP is good for one login",
    "R-OTP-PC": "with a phone OTP in use, PC login needs it too",
    "R-LOGIN-FILL": "coming from the app, the OTP is filled in",
    "R-APP-SELECT": "with several contracts, the token is chosen in 設定",
    "R-BIO-DEVICE": "biometrics offered only where the device has them",
    "R-BIO-SET": "biometric set-up: device biometric, then ID and password, 登録",
    "R-BIO-LOGIN": "生体認証でログイン logs in without ID and password",
    "R-REISSUE": "token reissue: authenticate, mail, start password, phone check, new IDs",
    "R-REISSUE-OLD": "after reissue the old phone's token no longer logs in",
    "R-LOCKOUT": "repeated wrong passwords lock the login; unlocking is out of band",
    "R-ID-LOST": "a lost login ID cannot be recovered online",
    "R-CANCEL": "中止する abandons the step and changes nothing",
}

# Tags that are not catalogue items: which devices besides the phones run a scenario.
DEVICE_TAGS = {"PC": "also run this scenario on a PC (the manual speaks of a PC here)"}


def all_tags() -> dict[str, str]:
    """Every tag a feature may carry, with what it stands for."""
    return {**PAGES, **JOURNEYS, **SCREENS, **RULES, **DEVICE_TAGS}
