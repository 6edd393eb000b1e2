"""The project's own catalogue of the smartphone guide: pages, journeys, screens and rules, by stable ID.

Feature tags name these IDs (@P6 @S-ID @R-ID-FMT); every tag must be here
(pytest runs with --strict-markers), and the coverage map lists each item
with the scenarios that check it. Descriptions are in Japanese for the
product owners who read the map.
"""

PAGES = {
    "SEC1": "§1 ご利用にあたって（ID・パスワードの共通利用、ワンタイムパスワードとメール通知パスワード、受信設定）",
    "SEC2-1": "§2(1) 銀行トップページと「つないでネ！ットご利用案内」の4つの入口",
    "SEC2-4": "§2(4) 秘密の質問によるリスクベース認証",
    "P5": "P5 お客様情報入力（代表口座と仮パスワード／最新のパスワード）",
    "P6": "P6 ログインID取得と取得完了",
    "P7": "P7 初回ログイン",
    "P8": "P8 追加認証登録（秘密の質問・回答を3つ）",
    "P9": "P9 パスワード変更（新規契約）",
    "P10": "P10 お客さま情報登録（メールアドレス、連絡先電話番号、限度額）",
    "P11": "P11 お客さま情報登録の確認",
    "P12": "P12 ワンタイムパスワード利用申請",
    "P13": "P13 電話番号認証とトークン発行",
    "P14": "P14 ワンタイムパスワードアプリのダウンロード",
    "P15": "P15 アプリの初期設定と完了",
    "P16": "P16 トークン表示名の設定",
    "P17": "P17 アプリからワンタイムパスワードでログイン",
    "P18": "P18 生体認証利用設定",
    "P19": "P19 生体認証ログイン",
    "P20": "P20 機種変更後のトークン再発行",
}

JOURNEYS = {
    "J-NEW": "新規契約：仮パスワードからワンタイムパスワードでのログインまで",
    "J-INIT": "ログインIDを初期化したお客さま：最新のパスワードで新しいログインIDを取得",
    "J-EXIST": "既にご利用中のお客さま：ログイン",
    "J-PC": "パソコンでご利用中のお客さまがスマートフォンを追加",
    "J-BIO": "生体認証の設定と生体認証ログイン",
    "J-CHG": "機種変更：トークン再発行と旧端末のトークン停止",
    "J-APPLY": "これからご契約されるお客さま：お申込み方法の案内",
}

SCREENS = {
    "S-TOP": "銀行トップページとつないでネ！ットご利用案内",
    "SID001": "お客様情報入力",
    "S-ID": "ログインID取得",
    "S-ID-DONE": "ログインID取得完了（IDは伏せ字、確認しました。）",
    "S-LOGIN1": "初回ログイン",
    "S-QA": "追加認証登録（秘密の質問・回答）",
    "S-PW": "パスワード変更",
    "S-INFO": "お客さま情報登録",
    "S-INFO-OK": "お客さま情報登録確認",
    "S-OTPAPP": "ワンタイムパスワード利用申請",
    "S-TEL": "電話番号認証",
    "S-TOKEN": "トークン発行（サービスID・ユーザID）",
    "A-DL": "アプリのダウンロード",
    "A-SETUP": "アプリ 初期設定",
    "A-DONE": "アプリ 初期設定完了",
    "A-NAME": "アプリ トークン表示名設定",
    "A-OTP": "アプリ ワンタイムパスワード表示",
    "S-LOGIN": "ログイン（ワンタイムパスワード）",
    "S-HOME": "つないでネ！ット トップページ（ログイン後）",
    "S-BIO-SET": "生体認証利用設定",
    "S-BIO-LOGIN": "生体認証ログイン",
    "S-REISSUE-AUTH": "トークン再発行：認証方法の選択",
    "S-REISSUE": "トークン再発行",
    "S-RBA": "ログイン時の追加認証（秘密の質問）",
    "M-MAIL": "お客さまのメールボックス",
    "T-PHONE": "お客さまの電話（0120への発信）",
    "S-APPLY": "（本プロジェクト）これからご契約のお客さまへのお申込み案内",
    "S-BRANCHES": "（本プロジェクト）店番一覧（お客様情報入力の「こちら」）",
    "S-ID-LOST": "（本プロジェクト）ログインIDをお忘れの方",
    "S-MAILPW": "（本プロジェクト）メール通知パスワード入力（パソコンでのログイン）",
    "A-MENU": "（本プロジェクト）アプリ 設定（トークン選択・トークン追加）",
    "A-HELP": "（本プロジェクト）アプリ ヘルプ",
}

RULES = {
    "R-CRED-SHARED": "ログインID・パスワードはパソコンとスマートフォンで共通。2つ目のログインIDは取得できない",
    "R-ACCT-BRANCH": "店番は必須、半角数字3桁",
    "R-ACCT-NO": "口座番号は必須、半角数字7桁（7桁に満たない場合は頭に0）",
    "R-ACCT-MATCH": "口座とパスワードが銀行の記録と一致すること。どこが違うかは示さない",
    "R-HANKAKU": "ID・パスワードは半角英数字、大文字と小文字を区別",
    "R-ID-FMT": "ログインIDは6～12桁の英数字混在",
    "R-ID-TWICE": "ログインIDは2回同じものを入力",
    "R-ID-UNIQUE": "他のお客さまが使っているログインIDは使えない",
    "R-DISTINCT": "ログインID・ログインパスワード・確認用パスワードはすべて異なる",
    "R-ID-ACK": "「確認しました。」にチェックしてから進む",
    "R-PW-FMT": "パスワードは6～12桁の半角英数字混在",
    "R-PW-TWICE": "新しいパスワードは2回同じものを入力",
    "R-PW-CHANGE": "新規契約は仮パスワードを必ず変更してから先へ進む",
    "R-QA-COUNT": "秘密の質問・回答はちょうど3組",
    "R-QA-DISTINCT": "3つの質問はすべて異なり、3つの回答もすべて異なる",
    "R-QA-ZENKAKU": "回答は全角のみ、10文字以内",
    "R-QA-EXACT": "回答は入力した文字の通りに登録・照合される",
    "R-RBA": "普段と異なる環境からのログインでは秘密の質問を1つ尋ねる",
    "R-MAIL-TWICE": "メールアドレスは正しい形式で2回同じものを入力",
    "R-TEL": "連絡先電話番号は半角数字で3つに分けて入力",
    "R-LIMIT": "口座ごとの1日あたり限度額は0～100万円（ワンタイムパスカードは300万円）",
    "R-CONFIRM-PW": "登録や利用申請には確認用パスワードが必要",
    "R-MAILPW": "メールアドレス登録でメール通知パスワードが始まり、ワンタイムパスワード利用で止まる",
    "R-START-PW": "利用開始パスワードは数字4～8桁を2回",
    "R-TEL-PICK": "発信する電話番号は登録番号から末尾4桁の表示で選ぶ",
    "R-TEL-120": "画面表示から120秒以内に電話をかける",
    "R-TEL-CLI": "非通知や別の番号からの電話では認証されない",
    "R-TEL-AUTO": "認証されると自動で次画面へ。されない場合は「確定する」",
    "R-TOKEN-MAIL": "トークン発行メールは otp-auth.net、通知は am-bk.co.jp から。拒否設定のドメインからは届かない",
    "R-APP-10": "1つのアプリに登録できるトークンは10契約まで",
    "R-APP-SETUP": "初期設定にはサービスID・ユーザID・利用開始パスワードと同意が必要",
    "R-APP-BIND": "他の端末へ複製したアプリデータは使えない",
    "R-OTP-60": "ワンタイムパスワードは60秒ごとに変わる。時刻のずれた端末は許容範囲を超えると使えない",
    "R-OTP-ONCE": "ワンタイムパスワードは1回のログインにだけ使える",
    "R-OTP-PC": "スマートフォンのワンタイムパスワード利用中はパソコンのログインにも必要",
    "R-LOGIN-FILL": "アプリから進むとワンタイムパスワードが入力済み",
    "R-APP-SELECT": "複数契約では「設定」からトークンを選ぶ",
    "R-BIO-DEVICE": "生体認証は生体認証のある端末だけに表示",
    "R-BIO-SET": "生体認証の設定：端末の生体認証、ログインID・パスワード、登録",
    "R-BIO-LOGIN": "「生体認証でログイン」でID・パスワードなしにログイン",
    "R-REISSUE": "トークン再発行：認証、メール、利用開始パスワード、電話番号認証、新しいID",
    "R-REISSUE-OLD": "再発行後、旧端末のトークンではログインできない",
    "R-LOCKOUT": "パスワードなどを続けて誤るとロック。解除は窓口・電話で",
    "R-LOGIN-MATCH": "（本プロジェクト）ログインIDとログインパスワードが一致すること。どちらが違うかは示さない",
    "R-ONE-SESSION": "（本プロジェクト）ログインは同時に1つの端末だけ。別の端末でログインすると先のログインは終わる",
    "R-APP-NAME": "（本プロジェクト）トークン表示名は必須・20文字以内、追加文言は任意・20文字以内",
    "R-ID-LOST": "忘れたログインIDはオンラインでは取り戻せない",
    "R-CANCEL": "「中止する」で手続きを取りやめ、何も登録されない",
}

# One plain name per screen, used in every layer (README "Where each screen lives"): its route module
# mockbank/<party>/<name>.py, rules mockbank/rules/<name>.py, service mockbank/<party>/services/<name>.py,
# template mockbank/templates/<party>/<name>.html, page object pages/<name>.py, steps steps/<name>.py and
# feature features/<name>.feature. tests/test_layout.py holds every built screen to it.
SCREEN_NAMES = {
    "S-TOP": ("top", "bank"),
    "SID001": ("customer_info", "bank"),
    "S-ID": ("login_id", "bank"),
    "S-ID-DONE": ("login_id_done", "bank"),
    "S-LOGIN1": ("first_login", "bank"),
    "S-QA": ("secret_qa", "bank"),
    "S-PW": ("password_change", "bank"),
    "S-INFO": ("customer_registration", "bank"),
    "S-INFO-OK": ("customer_registration_confirm", "bank"),
    "S-OTPAPP": ("otp_application", "bank"),
    "S-TEL": ("phone_check", "bank"),
    "S-TOKEN": ("token_issue", "bank"),
    "A-DL": ("app_download", "app"),
    "A-SETUP": ("app_setup", "app"),
    "A-DONE": ("app_setup_done", "app"),
    "A-NAME": ("app_token_name", "app"),
    "A-OTP": ("app_otp", "app"),
    "S-LOGIN": ("login", "bank"),
    "S-HOME": ("home", "bank"),
    "S-BIO-SET": ("biometric_setting", "bank"),
    "S-BIO-LOGIN": ("biometric_login", "bank"),
    "S-REISSUE-AUTH": ("token_reissue_auth", "bank"),
    "S-REISSUE": ("token_reissue", "bank"),
    "S-RBA": ("risk_based_auth", "bank"),
    "M-MAIL": ("mailbox", "mail"),
    "T-PHONE": ("dialler", "phone"),
    "S-APPLY": ("apply", "bank"),
    "S-BRANCHES": ("branches", "bank"),
    "S-ID-LOST": ("login_id_lost", "bank"),
    "S-MAILPW": ("mail_password", "bank"),
    "A-MENU": ("app_settings", "app"),
    "A-HELP": ("app_help", "app"),
}

# The screens whose 画面ID the manual prints on the screen (P5: 画面ID : SID001); every other screen is known to the
# harness by <body data-screen> alone, so that a screenshot matches the manual's.
SCREEN_IDS_SHOWN = ("SID001",)

# Screens of the catalogue not built yet (issue 17): the layout test expects nothing of them until they are.
NOT_BUILT: tuple[str, ...] = ()

# Where the manual puts each screen and rule (RULES.md's "manual" column): a page tag is proven by a
# scenario that showed one of the page's screens or applied one of its rules.
SCREEN_PAGES = {
    "S-TOP": ("SEC2-1",),
    "SID001": ("P5",),
    "S-ID": ("P6",),
    "S-ID-DONE": ("P6",),
    "S-LOGIN1": ("P7",),
    "S-QA": ("P8",),
    "S-PW": ("P9",),
    "S-INFO": ("P10",),
    "S-INFO-OK": ("P11",),
    "S-OTPAPP": ("P12",),
    "S-TEL": ("P13",),
    "S-TOKEN": ("P13",),
    "A-DL": ("P14",),
    "A-SETUP": ("P15",),
    "A-DONE": ("P15",),
    "A-NAME": ("P16",),
    "A-OTP": ("P16", "P17"),
    "S-LOGIN": ("P17",),
    "S-HOME": ("P7", "P17"),
    "S-BIO-SET": ("P18",),
    "S-BIO-LOGIN": ("P19",),
    "S-REISSUE-AUTH": ("P20",),
    "S-REISSUE": ("P20",),
    "S-RBA": ("SEC2-4",),
    "M-MAIL": ("SEC1", "P13"),
    "T-PHONE": ("P13",),
    "S-APPLY": ("SEC2-1",),
    "S-BRANCHES": ("P5",),
    "S-ID-LOST": ("P6",),
    "S-MAILPW": ("SEC1",),
    "A-MENU": ("P15", "P16"),
    "A-HELP": ("P15",),
}

RULE_PAGES = {
    "R-CRED-SHARED": ("SEC1",),
    "R-ACCT-BRANCH": ("P5",),
    "R-ACCT-NO": ("P5",),
    "R-ACCT-MATCH": ("P5",),
    "R-HANKAKU": ("P5", "P9"),
    "R-ID-FMT": ("P6",),
    "R-ID-TWICE": ("P6",),
    "R-DISTINCT": ("P6", "P9"),
    "R-ID-ACK": ("P6", "P8", "P11"),
    "R-PW-FMT": ("SEC1", "P9"),
    "R-PW-TWICE": ("P9",),
    "R-PW-CHANGE": ("P9",),
    "R-QA-COUNT": ("P8",),
    "R-QA-DISTINCT": ("P8",),
    "R-QA-ZENKAKU": ("P8",),
    "R-QA-EXACT": ("P8",),
    "R-RBA": ("SEC2-4",),
    "R-MAIL-TWICE": ("P10", "P12"),
    "R-TEL": ("P10",),
    "R-LIMIT": ("P10",),
    "R-CONFIRM-PW": ("P11", "P12"),
    "R-MAILPW": ("SEC1", "P11"),
    "R-START-PW": ("P12", "P20"),
    "R-TEL-PICK": ("P12",),
    "R-TEL-120": ("P13",),
    "R-TEL-CLI": ("P13",),
    "R-TEL-AUTO": ("P13",),
    "R-TOKEN-MAIL": ("SEC1", "P13"),
    "R-APP-10": ("SEC1", "P16"),
    "R-APP-SETUP": ("P15",),
    "R-APP-BIND": ("P15",),
    "R-OTP-60": ("P15",),
    "R-OTP-PC": ("SEC1",),
    "R-LOGIN-FILL": ("P17",),
    "R-APP-SELECT": ("P16",),
    "R-BIO-DEVICE": ("P16", "P18"),
    "R-BIO-SET": ("P18",),
    "R-BIO-LOGIN": ("P19",),
    "R-REISSUE": ("P20",),
    "R-REISSUE-OLD": ("P15", "P20"),
    "R-LOGIN-MATCH": ("P7", "P17"),
    "R-ONE-SESSION": ("P17",),
    "R-APP-NAME": ("P16",),
    "R-ID-LOST": ("P6",),
    "R-CANCEL": ("P5", "P8", "P9", "P11", "P12", "P20"),
}

# The screens each journey passes through: a journey tag is proven by a scenario that showed one of them,
# and the coverage map calls a journey proven only when every one of them is.
JOURNEY_SCREENS = {
    "J-NEW": (
        "SID001",
        "S-ID",
        "S-ID-DONE",
        "S-LOGIN1",
        "S-QA",
        "S-PW",
        "S-INFO",
        "S-INFO-OK",
        "S-OTPAPP",
        "S-TEL",
        "S-TOKEN",
        "A-DL",
        "A-SETUP",
        "A-DONE",
        "A-NAME",
        "A-OTP",
        "S-LOGIN",
        "S-HOME",
    ),
    "J-INIT": ("SID001", "S-ID", "S-ID-DONE", "S-LOGIN1", "S-HOME"),
    "J-EXIST": ("A-OTP", "S-LOGIN", "S-HOME"),
    "J-PC": ("S-LOGIN", "S-MAILPW", "M-MAIL", "S-HOME", "S-OTPAPP", "S-TEL", "S-TOKEN", "A-SETUP", "A-OTP"),
    "J-BIO": ("A-OTP", "S-BIO-SET", "S-BIO-LOGIN", "S-HOME"),
    "J-CHG": ("S-REISSUE-AUTH", "S-REISSUE", "S-TEL", "S-TOKEN", "A-SETUP", "A-OTP"),
    "J-APPLY": ("S-TOP", "S-APPLY"),
}

# Faults of the world, not rules of the manual: a refusal may name one (the journal's "refused" entries), no feature
# tags one and the coverage map counts none. The rules modules name each by its constant (rules.ISSUER_DOWN).
FAULTS = {
    "ISSUER-DOWN": "（障害）トークン発行元（otp-auth.net）が応答しない・遅い・サーバーエラー",
    "ISSUER-REFUSED": "（障害）トークン発行元（otp-auth.net）がトークンを発行しなかった（期限切れ・失効）",
}

# Tags that are not catalogue items: which devices besides the phones run a scenario.
DEVICE_TAGS = {
    "PC": "パソコンでも実行する（マニュアルがパソコンに触れている箇所）",
    "PC-ONLY": "パソコンでだけ実行する（キーボードだけの操作）",
}

# The sections of the catalogue, in the order the coverage map shows them.
SECTIONS = (("画面", SCREENS), ("ルール", RULES), ("手続き", JOURNEYS), ("マニュアルのページ", PAGES))


def all_tags() -> dict[str, str]:
    """Every tag a feature may carry, with what it stands for."""
    return {**PAGES, **JOURNEYS, **SCREENS, **RULES, **DEVICE_TAGS}
