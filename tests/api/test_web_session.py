"""The web app's sign-in, session cookie and CSRF checks over HTTP (no browser needed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from api.app import create_app
from api.container import Tiekartta
from api.web.i18n import LANGUAGES, STRINGS_FILE, strings
from api.web.pages.drafts import KNOWN_FLAGS
from rag.core.documents import ACCESS_LEVELS
from rag.core.drafts import DRAFT_STATUSES
from rag.draft.review import TRANSITIONS
from rag.store.keys import ROLES
from tests.conftest import make_settings

TEMPLATES = Path(__file__).resolve().parents[2] / "api" / "web"


@pytest.fixture
def web(tmp_path: Path) -> tuple[TestClient, Tiekartta]:
    service = Tiekartta(make_settings(tmp_path))
    return TestClient(create_app(service=service)), service


def _csrf(html: str) -> str:
    token = re.search(r'name="csrf" value="([^"]+)"', html)
    assert token, "the page has no CSRF field"
    return token.group(1)


def _sign_in(client: TestClient, secret: str) -> str:
    response = client.post(
        "/app/login",
        data={"key": secret, "csrf": _csrf(client.get("/app/login").text), "next": "/app/drafts"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/app/drafts"
    return response.headers["set-cookie"]


def test_sign_in_sets_a_http_only_same_site_cookie_that_is_not_the_key(web) -> None:
    client, service = web
    secret = service.registry.keys.create_key("reader", "t").secret
    cookie = _sign_in(client, secret)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=28800" in cookie
    assert secret not in cookie
    assert client.get("/app/drafts").status_code == 200


def test_sign_in_refuses_a_wrong_key_and_a_form_without_its_token(web) -> None:
    client, service = web
    client.get("/app/login")
    secret = service.registry.keys.create_key("reader", "t").secret
    forged = client.post("/app/login", data={"key": secret, "csrf": "x"}, follow_redirects=False)
    assert forged.status_code == 403 and "tk_session" not in forged.headers.get("set-cookie", "")
    form = client.get("/app/login", headers={"accept-language": "en"}).text
    wrong = client.post(
        "/app/login",
        data={"key": "tk_nope", "csrf": _csrf(form)},
        headers={"accept-language": "en"},
    )
    assert wrong.status_code == 401 and "This key is not valid" in wrong.text


def test_a_post_without_the_session_csrf_token_is_refused(web) -> None:
    client, service = web
    _sign_in(client, service.registry.keys.create_key("admin", "t").secret)
    refused = client.post("/app/admin/keys", data={"role": "reader"})
    assert refused.status_code == 403
    assert len(service.registry.keys.list_keys()) == 1  # nothing was made
    token = _csrf(client.get("/app/admin/keys").text)
    made = client.post("/app/admin/keys", data={"role": "reader", "csrf": token})
    assert made.status_code == 200 and len(service.registry.keys.list_keys()) == 2
    by_header = client.post(
        "/app/admin/keys", data={"role": "reader"}, headers={"X-CSRF-Token": token}
    )
    assert by_header.status_code == 200 and len(service.registry.keys.list_keys()) == 3


def test_revoking_the_key_ends_its_sessions_and_pages_ask_to_sign_in(web) -> None:
    client, service = web
    created = service.registry.keys.create_key("editor", "t")
    _sign_in(client, created.secret)
    assert client.get("/app/documents").status_code == 200
    service.registry.keys.revoke_key(created.key.key_id)
    response = client.get("/app/documents", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/app/login?next=/app/documents"


def test_sign_in_returns_only_to_pages_of_this_site(web) -> None:
    client, service = web
    secret = service.registry.keys.create_key("reader", "t").secret
    response = client.post(
        "/app/login",
        data={
            "key": secret,
            "csrf": _csrf(client.get("/app/login").text),
            "next": "//evil.example/x",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/app/ask"


def test_every_ui_string_exists_in_finnish_swedish_and_english() -> None:
    raw = yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))
    assert raw and all(set(value) == set(LANGUAGES) for value in raw.values())
    assert all(text.strip() for value in strings().values() for text in value.values())


def test_every_string_a_template_names_exists() -> None:
    used: set[str] = set()
    for path in TEMPLATES.rglob("*.html"):
        used |= set(re.findall(r"""\bt\(["']([a-z_]+)["']""", path.read_text(encoding="utf-8")))
    whole = {key for key in used if not key.endswith("_")}
    assert whole and whole <= set(strings()), sorted(whole - set(strings()))
    # Keys built from a value (t("role_" + role)): every value the pages can meet.
    families = {
        "access_": ACCESS_LEVELS,
        "draft_status_": DRAFT_STATUSES,
        "draft_action_": tuple(TRANSITIONS),
        "job_status_": ("queued", "running", "done", "failed"),
        "job_kind_": ("classify", "draft"),
        "role_": ROLES,
        "language_": LANGUAGES,
        "version_": LANGUAGES,
        "flag_": tuple(k.removeprefix("flag_") for k in KNOWN_FLAGS),
    }
    assert used - whole <= set(families)
    missing = [p + v for p, values in families.items() for v in values if p + v not in strings()]
    assert not missing


def test_four_eyes_on_the_draft_page(web) -> None:
    """The approver who submitted a version sees no approve button and is refused with 403 in
    plain words if they post anyway; another approver gets the button and may approve."""
    from rag.core.drafts import DraftContent, DraftSection

    client, service = web
    keys = service.registry.keys
    submitter = keys.create_key("approver", "submitter")
    other = keys.create_key("approver", "other")
    section = DraftSection(key="summary", language="fi", title="Yhteenveto", text="Teksti.")
    content = DraftContent("2025-01-01", "2025-12-31", ["a"], ["fi"], [section])
    draft = service.drafts.save(content, submitter.key.key_id)
    service.drafts.decide(draft.draft_id, "submit", submitter.key.key_id, "approver")
    approve = f"/app/drafts/{draft.draft_id}/status/approve"

    _sign_in(client, submitter.secret)
    own_page = client.get(f"/app/drafts/{draft.draft_id}").text
    assert approve not in own_page
    refused = client.post(approve, data={"csrf": _csrf(own_page)}, follow_redirects=False)
    assert refused.status_code == 403
    assert service.drafts.get(draft.draft_id).status == "in_review"

    client = TestClient(client.app)  # a second browser
    _sign_in(client, other.secret)
    other_page = client.get(f"/app/drafts/{draft.draft_id}").text
    assert approve in other_page
    done = client.post(approve, data={"csrf": _csrf(other_page)}, follow_redirects=False)
    assert done.status_code == 303
    assert service.drafts.get(draft.draft_id).status == "approved"
