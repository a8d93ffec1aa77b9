"""Browser tests: Playwright drives Debian's chromium (no browser download) against live_server."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Not test-results/: pytest-playwright empties that folder at the start of every run.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def allow_orm_beside_playwright():
    """Once Playwright's sync API started, an event loop runs in the test thread for the rest of
    the session; the ORM calls of fixtures and database teardown there are plain synchronous calls."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def console_errors(page) -> list[str]:
    """Console errors and CSP violations of the page; a test ends by asserting there are none."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str, of=None) -> None:
        """A full-page screenshot of `of` (default: the test's page) into test-results/screenshots/."""
        target = of or page
        options = {"full_page": True} if hasattr(target, "goto") else {}  # a page, not one element of it
        target.screenshot(path=str(SCREENSHOTS / f"{name}.png"), **options)

    return take


@pytest.fixture
def log_in(page, live_server):
    def log_in(username: str, password: str) -> None:
        page.goto(f"{live_server.url}/akun/masuk/")
        page.get_by_label("Nama pengguna").fill(username)
        page.get_by_label("Sandi", exact=False).fill(password)
        page.get_by_role("button", name="Masuk").click()

    return log_in
