"""`mockbank serve`: the mock world for people to click through on a phone browser."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

from cryptography import x509
from flask import send_file

from mockbank import create_app
from mockbank.db import empty_world
from mockbank.demo import demo_customers, make_demo_customers
from mockbank.parties import PARTIES
from mockbank.served import serve
from mockbank.tls import default_host_name, ensure_certificate, served_names


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and run the chosen command."""
    parser = argparse.ArgumentParser(prog="mockbank", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the mock bank")
    serve.add_argument(
        "--host",
        default="localhost",
        help="address to listen on (default: localhost; 0.0.0.0 for a phone on the same network, "
        "never with --test-mode, whose control API must not be reachable from the network)",
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default: 2)")
    serve.add_argument("--test-mode", action="store_true", help="mount the control API at /_control")
    serve.add_argument("--fresh", action="store_true", help="empty the database before starting")
    serve.add_argument(
        "--no-demo", action="store_true", help="neither make nor print the demo customers (made once, in a new bank)"
    )
    serve.add_argument(
        "--https",
        nargs="?",
        const="",
        metavar="NAME",
        help="serve over HTTPS under a host name (default: this machine's <hostname>.local), "
        "with a certificate made at first start; needed for biometrics on a real phone",
    )
    commands.add_parser("demo", help="make a new demo customer of each kind and print them")
    args = parser.parse_args(argv)
    if args.command == "demo":
        return run_demo()
    run_serve(args)


def run_serve(args: argparse.Namespace) -> None:
    """Start the app, seed demo personas, print where each party lives, and serve on gunicorn."""
    app = create_app({"TEST_MODE": True} if args.test_mode else None)
    with app.app_context():
        if args.fresh:
            empty_world()
        personas = [] if args.no_demo else demo_customers(Path(app.instance_path))
    tls = None
    if args.https is not None:
        name = args.https or default_host_name()
        cert, key, authority = ensure_certificate(Path(app.instance_path) / "tls", name)
        tls, base = (str(cert), str(key)), f"https://{name}:{args.port}"
        app.config["SELF_CA"] = str(authority)  # the parties call each other over this same HTTPS
        app.config["SESSION_COOKIE_SECURE"] = True  # over HTTPS the cookies never travel in clear
    else:
        shown = _lan_address() if args.host in ("0.0.0.0", "::") else args.host
        base = f"http://{shown}:{args.port}"
    scheme = "https" if tls else "http"
    local = "localhost" if args.host in ("0.0.0.0", "::", "localhost") else args.host
    app.config["SELF_URL"] = f"{scheme}://{local}:{args.port}"  # never a request's Host header (links.py)
    app.config["PUBLIC_URL"] = base
    print_parties(base, args.test_mode)
    if tls:
        until = x509.load_pem_x509_certificate(Path(app.config["SELF_CA"]).read_bytes()).not_valid_after_utc
        print(f"  HTTPS の証明書を発行した認証局   {base}/mockbank-ca.crt（スマートフォンで信頼する: README）")
        names = "、".join(str(n) for n in served_names(name))
        print(f"      有効期限 {until:%Y-%m-%d}（{names} だけに限る。期限後や名前を変えると作り直す）")
    print_personas(personas)
    serve(app, args.host, args.port, args.workers, tls, dress=_offer_authority if tls else lambda worker: None)


def _offer_authority(app) -> None:
    """The --https authority's certificate, for a phone to trust once (README)."""
    authority = app.config["SELF_CA"]
    app.add_url_rule(
        "/mockbank-ca.crt", "mockbank_ca", lambda: send_file(authority, mimetype="application/x-x509-ca-cert")
    )


def run_demo() -> None:
    """Make one demo customer of each kind in the bank as it is, and print them."""
    app = create_app()
    with app.app_context():
        print_personas(make_demo_customers(Path(app.instance_path)))


def print_parties(base: str, test_mode: bool) -> None:
    """Where each party of the mock world answers (its prefix in parties.PARTIES)."""
    at = {name: base + (party.prefix or "") for name, party in PARTIES.items()}
    print("\nつないでネ！ット mock world")
    print(f"  銀行トップページ (S-TOP)        {base}/")
    print(f"  つないでネ！ットご利用案内      {base}/netbank/")
    print(f"  お客様情報入力 (SID001)         {base}/netbank/customer-info")
    print(f"  ログイン                        {base}/netbank/login")
    print(f"  メールボックス (M-MAIL)         {at['mailbox']}/")
    print(f"  control API                     {at['control'] if test_mode else 'off (use --test-mode)'}")
    print(f"  OTP issuer (otp-auth.net)       {at['issuer']}/api/health")
    print(f"  電話 (T-PHONE, the phone's dialler)  {at['phone']}/dial")
    print(
        f"  ワンタイムPW app (P15–P17)      {at['app']}/  (open it in the phone's own browser: its tokens stay there)"
    )
    print(f"  ストア (A-DL)                   {at['app']}/download  (App Store on iPhone, Google Play on Android)")


def print_personas(personas: list[tuple[str, dict]]) -> None:
    """The demo customers, with what each holds on paper."""
    if not personas:
        print("\n  デモ用のお客さまはいません（mockbank demo で作る）")
    for label, p in personas:
        print(
            f"\n  [{label}] {p['name']} 様  店番 {p['branch']['code']} ({p['branch']['name']})"
            f"  普通 {p['account_number']}"
        )
        temp = "仮" if "temp_passwords" in p else ""
        print(
            f"      {temp}ログインパスワード {p['login_password']}  {temp}確認用パスワード {p['confirm_password']}"
            + (f"  ログインID {p['login_id']}" if p["login_id"] else "")
        )
    print()


def _lan_address() -> str:
    """This machine's address on the local network, for a phone on the same network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: no packet is sent for a UDP connect
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


if __name__ == "__main__":
    main()
