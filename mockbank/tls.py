"""HTTPS for a real phone on the same network: a local certificate authority and a certificate for a host name.

WebAuthn (Face ID, fingerprint) needs a secure context and refuses an IP
address as relying-party ID, so a phone must open the mock by a host name
over HTTPS, e.g. https://mybox.local:8443/. `serve --https` makes a small
certificate authority of its own (instance/tls/ca.crt) and a certificate for
the name signed by it; the phone trusts the authority (the README says how).

A phone that trusts the authority must trust nothing else through it, so the
authority is name-constrained (X.509 NameConstraints, critical) to the names
it serves (the host name, localhost and 127.0.0.1: a certificate it signed for
any other name is refused), and short-lived: CA_DAYS, so a key copied off a
developer's machine is worthless within a month. The server certificate lives
shorter still (LEAF_DAYS). Both are made anew at a start that finds them
expired, about to expire, or for other names; a new authority must be trusted
on the phone again.
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAME = "mockbank local CA (つないでネ！ット mock world)"
CA_DAYS = 30  # a month of clicking through; a leaked key is good for no longer
LEAF_DAYS = 7  # a week; a restart makes a new one (never past the authority's own end)
RENEW_BEFORE = datetime.timedelta(days=1)  # made anew when this close to its end, so a day's serving never outlives it
LOOPBACK = ipaddress.ip_address("127.0.0.1")  # the parties call each other here (links.py)

Name = str | ipaddress.IPv4Address | ipaddress.IPv6Address


def default_host_name() -> str:
    """This machine's name on the local network (mDNS): `<hostname>.local`."""
    name = socket.gethostname().split(".")[0]
    return f"{name}.local"


def served_names(host_name: str) -> list[Name]:
    """What the certificate covers: the host name (or address), localhost, and 127.0.0.1."""
    try:
        first: Name = ipaddress.ip_address(host_name)
    except ValueError:
        first = host_name.lower()
    return list(dict.fromkeys([first, "localhost", LOOPBACK]))


def ensure_certificate(folder: Path, host_name: str, now: datetime.datetime | None = None) -> tuple[Path, Path, Path]:
    """The certificate and key for `host_name`, and the authority that signed it: made anew where needed."""
    now = now or datetime.datetime.now(datetime.UTC)
    names = served_names(host_name)
    folder.mkdir(parents=True, exist_ok=True)
    ca_cert, ca_key = folder / "ca.crt", folder / "ca.key"
    if not ca_cert.exists() or not _good(ca_cert, names, now, ca=True):
        _write_authority(ca_cert, ca_key, names, now)
    cert, key = folder / f"{host_name}.crt", folder / f"{host_name}.key"
    if not cert.exists() or not _good(cert, names, now, ca=False) or not _signed_by(cert, ca_cert):
        _write_server_certificate(cert, key, names, ca_cert, ca_key, now)
    return cert, key, ca_cert


def permitted_names(authority: x509.Certificate) -> list[Name]:
    """The names an authority may sign for (its NameConstraints' permitted subtrees)."""
    constraints = authority.extensions.get_extension_for_class(x509.NameConstraints).value
    return [_name_of(general) for general in constraints.permitted_subtrees or []]


def _good(path: Path, names: list[Name], now: datetime.datetime, ca: bool) -> bool:
    """Whether a certificate on disk is still in its time, not about to end, and for exactly `names`."""
    cert = x509.load_pem_x509_certificate(path.read_bytes())
    if not cert.not_valid_before_utc <= now < cert.not_valid_after_utc - RENEW_BEFORE:
        return False
    try:
        held = permitted_names(cert) if ca else _alternative_names(cert)
    except x509.ExtensionNotFound:  # an authority of the unconstrained era
        return False
    return held == names


def _signed_by(cert_path: Path, ca_path: Path) -> bool:
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    authority = x509.load_pem_x509_certificate(ca_path.read_bytes())
    try:
        cert.verify_directly_issued_by(authority)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _alternative_names(cert: x509.Certificate) -> list[Name]:
    return [_name_of(general) for general in cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value]


def _name_of(general: x509.GeneralName) -> Name:
    value = general.value
    if isinstance(value, ipaddress.IPv4Network | ipaddress.IPv6Network):
        return value.network_address
    return value


def _write_authority(cert_path: Path, key_path: Path, names: list[Name], now: datetime.datetime) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME)])
    permitted = [x509.DNSName(n) if isinstance(n, str) else x509.IPAddress(ipaddress.ip_network(n)) for n in names]
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=CA_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.NameConstraints(permitted_subtrees=permitted, excluded_subtrees=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write(cert_path, key_path, cert, key)


def _write_server_certificate(
    cert_path: Path, key_path: Path, names: list[Name], ca_cert: Path, ca_key: Path, now: datetime.datetime
) -> None:
    authority = x509.load_pem_x509_certificate(ca_cert.read_bytes())
    authority_key = serialization.load_pem_private_key(ca_key.read_bytes(), password=None)
    key = ec.generate_private_key(ec.SECP256R1())
    alternative = [x509.DNSName(n) if isinstance(n, str) else x509.IPAddress(n) for n in names]
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, str(names[0]))]))
        .issuer_name(authority.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(min(now + datetime.timedelta(days=LEAF_DAYS), authority.not_valid_after_utc))
        .add_extension(x509.SubjectAlternativeName(alternative), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(authority_key.public_key()), critical=False)
        .sign(authority_key, hashes.SHA256())
    )
    _write(cert_path, key_path, cert, key)


def _write(cert_path: Path, key_path: Path, cert: x509.Certificate, key) -> None:
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_path.chmod(0o600)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
