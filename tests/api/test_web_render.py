"""The drafts' Markdown subset is rendered safely: document text can never become markup."""

from __future__ import annotations

from api.web.render import cite_links, markdown_lite, safe_next


def test_markdown_lite_renders_the_drafts_subset_and_escapes_everything_else() -> None:
    html = str(
        markdown_lite(
            "> ⚠ **LUONNOS**\n\n## Otsikko\nTeksti [2] <script>x</script>\n\n"
            "- **a)** yksi [1]\n- kaksi",
            "c",
        )
    )
    assert html.startswith("<blockquote><p>⚠ <strong>LUONNOS</strong></p></blockquote>")
    assert "<h4>Otsikko</h4>" in html
    assert '<a class="cite" href="#c-2">[2]</a>' in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "<ul><li><strong>a)</strong> yksi" in html


def test_citation_markers_link_and_quotes_stay_text() -> None:
    html = str(cite_links('"x" [12] & [y]', "s-3"))
    assert html == '&#34;x&#34; <a class="cite" href="#s-3-12">[12]</a> &amp; [y]'


def test_only_local_paths_are_followed_after_sign_in() -> None:
    assert safe_next("/app/drafts/1?version=2") == "/app/drafts/1?version=2"
    for target in ("https://evil.example", "//evil.example", "/\\evil", None, ""):
        assert safe_next(target) == "/app/ask"
