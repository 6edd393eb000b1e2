"""serve --https: a certificate for a host name, made at first start, that a client trusting the mock's CA accepts."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError
from werkzeug.serving import make_server

from mockbank.tls import CA_DAYS, LEAF_DAYS, ensure_certificate, permitted_names

NOW = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)


def load(path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def verify(leaf: x509.Certificate, authority: x509.Certificate, name: str, at=NOW) -> None:
    """Verify `leaf` for the host `name` as a client trusting only `authority` would (name constraints included)."""
    subject = x509.IPAddress(ipaddress.ip_address(name)) if name[0].isdigit() else x509.DNSName(name)
    verifier = PolicyBuilder().store(Store([authority])).time(at).build_server_verifier(subject)
    verifier.verify(leaf, [])


def forged(authority_key_path, authority: x509.Certificate, name: str) -> x509.Certificate:
    """A certificate for another site, signed with the authority's own key (its key copied off the machine)."""
    authority_key = serialization.load_pem_private_key(authority_key_path.read_bytes(), password=None)
    key = ec.generate_private_key(ec.SECP256R1())
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(authority.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - datetime.timedelta(hours=1))
        .not_valid_after(NOW + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(authority_key.public_key()), critical=False)
        .sign(authority_key, hashes.SHA256())
    )


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


def test_the_authority_is_short_lived_and_the_certificate_shorter(tmp_path):
    cert, _, authority = ensure_certificate(tmp_path, "mybox.local", now=NOW)
    ca, leaf = load(authority), load(cert)
    assert ca.not_valid_after_utc - NOW == datetime.timedelta(days=CA_DAYS) == datetime.timedelta(days=30)
    assert leaf.not_valid_after_utc - NOW == datetime.timedelta(days=LEAF_DAYS)
    assert leaf.not_valid_after_utc < ca.not_valid_after_utc


def test_the_authority_is_constrained_to_the_names_it_serves(tmp_path):
    _, _, authority = ensure_certificate(tmp_path, "mybox.local", now=NOW)
    extension = load(authority).extensions.get_extension_for_class(x509.NameConstraints)
    assert extension.critical
    assert permitted_names(load(authority)) == ["mybox.local", "localhost", ipaddress.ip_address("127.0.0.1")]


@pytest.mark.parametrize("name", ["mybox.local", "localhost", "127.0.0.1"])
def test_a_client_trusting_the_authority_accepts_the_names_served(tmp_path, name):
    cert, _, authority = ensure_certificate(tmp_path, "mybox.local", now=NOW)
    verify(load(cert), load(authority), name)


@pytest.mark.parametrize("name", ["www.aomori-michinoku.example", "otherbox.local"])
def test_a_certificate_for_any_other_name_signed_with_the_authoritys_key_is_refused(tmp_path, name):
    _, _, authority = ensure_certificate(tmp_path, "mybox.local", now=NOW)
    ca = load(authority)
    with pytest.raises(VerificationError):
        verify(forged(tmp_path / "ca.key", ca, name), ca, name)


def test_an_expiring_certificate_is_made_anew_under_the_same_authority(tmp_path):
    cert, _, authority = ensure_certificate(tmp_path, "mybox.local", now=NOW)
    first_leaf, first_ca = load(cert), load(authority)
    later = NOW + datetime.timedelta(days=LEAF_DAYS - 1)
    ensure_certificate(tmp_path, "mybox.local", now=later)
    assert load(cert).serial_number != first_leaf.serial_number
    assert load(authority).serial_number == first_ca.serial_number
    verify(load(cert), load(authority), "mybox.local", at=later + datetime.timedelta(days=1))


def test_an_expired_authority_is_made_anew(tmp_path):
    cert, _, authority = ensure_certificate(tmp_path, "mybox.local", now=NOW)
    first_ca = load(authority)
    later = NOW + datetime.timedelta(days=CA_DAYS + 1)
    ensure_certificate(tmp_path, "mybox.local", now=later)
    assert load(authority).serial_number != first_ca.serial_number
    verify(load(cert), load(authority), "mybox.local", at=later)


def test_another_name_gets_an_authority_constrained_to_it(tmp_path):
    _, _, authority = ensure_certificate(tmp_path, "mybox.local", now=NOW)
    cert, _, authority = ensure_certificate(tmp_path, "otherbox.local", now=NOW)
    assert permitted_names(load(authority))[0] == "otherbox.local"
    verify(load(cert), load(authority), "otherbox.local")
    old = tmp_path / "mybox.local.crt"
    with pytest.raises(VerificationError):
        verify(load(old), load(authority), "mybox.local")


def test_an_unconstrained_authority_of_an_older_mock_is_replaced(tmp_path):
    _, _, authority = ensure_certificate(tmp_path, "mybox.local", now=NOW)
    key = serialization.load_pem_private_key((tmp_path / "ca.key").read_bytes(), password=None)
    ca = load(authority)
    unconstrained = (
        x509.CertificateBuilder()
        .subject_name(ca.subject)
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - datetime.timedelta(days=1))
        .not_valid_after(NOW + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    authority.write_bytes(unconstrained.public_bytes(serialization.Encoding.PEM))
    ensure_certificate(tmp_path, "mybox.local", now=NOW)
    assert permitted_names(load(authority))[0] == "mybox.local"
    assert load(authority).not_valid_after_utc - NOW == datetime.timedelta(days=CA_DAYS)
