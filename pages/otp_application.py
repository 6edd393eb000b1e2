"""S-OTPAPP ワンタイムパスワード利用申請 (P12): where お客さま情報登録 leads; a placeholder in this version."""

from pages.screen import Screen


class OtpApplicationPage(Screen):
    """ワンタイムパスワード利用申請 (S-OTPAPP): for now, says the registration is done and P12 is to come."""

    TITLE = "ワンタイムパスワード利用申請"
