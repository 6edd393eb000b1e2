"""HTTPS for a real phone on the same network: a local certificate authority and a certificate for a host name.

WebAuthn (Face ID, fingerprint) needs a secure context and refuses an IP
address as relying-party ID, so a phone must open the mock by a host name
over HTTPS, e.g. https://mybox.local:8443/. At first start `serve --https`
makes a small certificate authority of its own (instance/tls/ca.crt) and a
certificate for the name signed by it; the phone trusts the authority once
(the README says how) and then every certificate the mock makes.
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAME = "mockbank local CA (つないでネ！ット mock world)"
VALID_DAYS = 397  # the longest a browser accepts for a server certificate


def default_host_name() -> str:
    """This machine's name on the local network (mDNS): `<hostname>.local`."""
    name = socket.gethostname().split(".")[0]
    return f"{name}.local"


def ensure_certificate(folder: Path, host_name: str) -> tuple[Path, Path, Path]:
    """The certificate and key for `host_name` (made at first start), and the authority that signed it."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_cert, ca_key = folder / "ca.crt", folder / "ca.key"
    if not ca_cert.exists():
        _write_authority(ca_cert, ca_key)
    cert, key = folder / f"{host_name}.crt", folder / f"{host_name}.key"
    if not cert.exists():
        _write_server_certificate(cert, key, host_name, ca_cert, ca_key)
    return cert, key, ca_cert


def _write_authority(cert_path: Path, key_path: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
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


def _write_server_certificate(cert_path: Path, key_path: Path, host_name: str, ca_cert: Path, ca_key: Path) -> None:
    authority = x509.load_pem_x509_certificate(ca_cert.read_bytes())
    authority_key = serialization.load_pem_private_key(ca_key.read_bytes(), password=None)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    names: list[x509.GeneralName] = [x509.DNSName(host_name)]
    if host_name != "localhost":
        names.append(x509.DNSName("localhost"))
    names.append(x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host_name)]))
        .issuer_name(authority.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
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
