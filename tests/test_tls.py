"""serve --https: a certificate for a host name, made at first start, that a client trusting the mock's CA accepts."""

from __future__ import annotations

import ssl
import threading

import requests
from cryptography import x509
from werkzeug.serving import make_server

from mockbank.tls import ensure_certificate


def test_the_certificate_names_the_host_and_is_made_once(tmp_path):
    cert, key, authority = ensure_certificate(tmp_path, "mybox.local")
    loaded = x509.load_pem_x509_certificate(cert.read_bytes())
    names = loaded.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "mybox.local" in names.get_values_for_type(x509.DNSName)
    assert loaded.issuer == x509.load_pem_x509_certificate(authority.read_bytes()).subject
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    before = cert.read_bytes()
    assert ensure_certificate(tmp_path, "mybox.local")[0].read_bytes() == before


def test_a_client_that_trusts_the_mocks_authority_talks_https_to_the_bank(app, tmp_path):
    cert, key, authority = ensure_certificate(tmp_path, "localhost")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = make_server("localhost", 0, app, threaded=True, ssl_context=context)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        response = requests.get(f"https://localhost:{server.port}/netbank/", verify=str(authority), timeout=10)
        assert response.status_code == 200 and "つないでネ！ット" in response.text
    finally:
        server.shutdown()
        thread.join(timeout=5)
