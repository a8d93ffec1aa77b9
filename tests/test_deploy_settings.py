"""Production settings: `check --deploy` is clean, and the security headers are sent."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k8s7Yq2Lr0xWm4Zt9Vb1Nc6Hd3Jf5Gs8Pa2Qe7Ru0Ty4Ui9Oo1Ip3As6Dd8Ff5Gg",
    "DJANGO_ALLOWED_HOSTS": "portal.dinkes.semarangkota.go.id",
    "DJANGO_HTTPS": "true",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://portal.dinkes.semarangkota.go.id",
}


def check_deploy(**overrides: str) -> subprocess.CompletedProcess:
    """`manage.py check --deploy` in a fresh process, as a production server would run it."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**env, **PRODUCTION_ENV, **overrides},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_passes_with_production_environment():
    result = check_deploy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_debug_in_production():
    result = check_deploy(DJANGO_DEBUG="true")
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self';" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
