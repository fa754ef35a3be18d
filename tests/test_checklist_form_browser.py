"""The HTML form in a real browser (Chromium through Playwright): fill, close the tab and
open it again, reload, download, and the download scores exactly as the example answers
file it was filled from."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from commkit import api
from commkit.model.answers import Answers
from commkit.model.common import tr
from forms_helpers import current_answers

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "perm-krai" / "answers").glob("*.yaml"))
PACK = api.load_content()
CHECKLIST = PACK.checklist
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return api.export_checklist("html", tmp_path_factory.mktemp("form"))


def _page(browser: Any, viewport: dict[str, int]) -> Any:
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: errors.append(f"request {req.url}"))
    page.errors = errors
    return page


def _choices(q: Any) -> list[str]:
    if q.type == "scale":
        return [str(n) for n in range(q.scale_spec.min, q.scale_spec.max + 1)]
    if q.type == "yes_no":
        return ["yes", "no"]
    return [o.id for o in q.options]


def _fill_question(page: Any, i: int, q: Any, answer: Any, keyboard: bool) -> None:
    box = f"#q-{i}"
    if answer.note:
        page.click(f"{box} details.note summary")
        page.fill(f"#q-{i}-note", tr(answer.note, "en"))  # a rater types one language
    if answer.status != "answered":
        page.check(f"#q-{i}-{answer.status}")
        return
    value = answer.value
    if q.type in ("scale", "yes_no", "choice"):
        shown = str(value).lower() if q.type == "yes_no" and isinstance(value, str) else value
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        k = _choices(q).index(str(shown))
        if keyboard:
            page.focus(f"#q-{i}-{k}")
            page.keyboard.press("Space")
        else:
            page.check(f"#q-{i}-{k}")
    elif q.type == "multi":
        ids = _choices(q)
        if not value:
            page.check(f"#q-{i}-0")
            page.uncheck(f"#q-{i}-0")
        for v in value:
            page.check(f"#q-{i}-{ids.index(v)}")
    elif q.type == "number":
        field = f"#q-{i}-value"
        page.fill(field, "abc")
        assert page.text_content(f"#q-{i}-value-err")
        page.fill(field, str(value))
        assert page.text_content(f"#q-{i}-value-err") == ""
    else:
        page.fill(f"#q-{i}-value", str(value))


def _fill(
    page: Any, form: Path, example: Answers, shots: Path | None, rater: str = "Test Rater"
) -> Any:
    """Fill the form with ``example`` (closing the tab and opening the form again halfway);
    returns the page the form is open in at the end."""
    page.goto(form.as_uri())
    page.fill("#meta-community", tr(example.community.name, "en"))
    page.fill("#meta-founded", example.community.founded or "")
    assert page.text_content("#meta-founded-err") == ""
    page.fill("#meta-rater", rater)
    page.fill("#meta-role", "core team")
    assert example.date is not None
    page.fill("#meta-date", example.date.isoformat())
    page.click("#next")
    for d, dim in enumerate(CHECKLIST.dimensions):
        for i, q in enumerate(CHECKLIST.questions):
            if q.dimension != dim.id:
                continue
            visible = page.is_visible(f"#q-{i}")
            answer = example.answers.get(q.id)
            if answer is None:
                continue
            if not visible:
                continue  # a condition does not hold: the question is not asked
            _fill_question(page, i, q, answer, keyboard=(i == 0))
        if d == 4:
            done = page.text_content("#progress-text")
            page = _reopen(page, form)
            assert page.text_content("#progress-text") == done
            assert dim.id in (page.get_attribute("fieldset.question", "data-qid") or "")
        if shots is not None and d == 1:
            page.screenshot(path=str(shots / "dimension.png"))
        page.click("#next")
    return page


def _wait_until_stored(page: Any) -> None:
    """Wait until the form says the browser holds its last save (IndexedDB's "complete").

    A page's localStorage write reaches the browser's shared copy some time after the page made
    it, and nothing tells the page when: on a loaded machine a tab opened or reloaded in that
    time found an older state, or none. The form keeps a second copy in IndexedDB, whose
    "complete" is the browser's own acknowledgement, and marks the last acknowledged save on
    <html> (data-saved-rev, beside data-rev, the number of its last save). Waiting for it is
    no retry: a form that does not save never gets there, and the test fails.
    """
    page.wait_for_function(
        "() => { const d = document.documentElement.dataset;"
        " return d.rev !== undefined && d.savedRev === d.rev; }",
        timeout=10_000,
    )


def _reopen(page: Any, form: Path) -> Any:
    """Close the tab and open the form file again, as a person coming back to it does:
    nothing answered may be lost. (A reload of the same tab is tested on its own, in
    test_conditions_hide_questions_and_a_reload_keeps_everything.)"""
    # a save the browser refused shows the notice: then the form is not what lost the answers
    assert page.text_content("#storage-notice") == "", "this browser refused to keep the answers"
    _wait_until_stored(page)
    again = page.context.new_page()
    again.errors = page.errors
    again.on("pageerror", lambda exc: again.errors.append(str(exc)))
    again.on("requestfailed", lambda req: again.errors.append(f"request {req.url}"))
    page.close()
    again.goto(form.as_uri())
    return again


def _download(page: Any, target: Path) -> tuple[Path, str]:
    with page.expect_download() as info:
        page.click("#download")
    info.value.save_as(target)
    return target, info.value.suggested_filename


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_filling_the_form_gives_the_same_assessment(
    browser: Any, form: Path, tmp_path: Path, example: Path
) -> None:
    original = current_answers(example)
    page = _page(browser, PHONE)
    # Every other example is rated by a person with a Russian name: the file name stays readable.
    rater, rater_slug = (
        ("Ольга Щукина", "olga-shchukina")
        if EXAMPLES.index(example) % 2
        else ("Test Rater", "test-rater")
    )
    page = _fill(page, form, original, None, rater)
    assert page.is_enabled("#download"), page.text_content("#app")
    path, suggested = _download(page, tmp_path / "answers.json")
    assert original.date is not None
    assert suggested.endswith(f"-{rater_slug}-{original.date.isoformat()}.json"), suggested
    answers, warnings = api.check_answers_file(path, pack=PACK)
    assert [w for w in warnings if w.severity == "error"] == []
    assert answers.rater is not None and answers.rater.name == rater
    assert original.community.founded is not None
    assert answers.community.founded == original.community.founded
    assert answers.community.name == tr(original.community.name, "en")
    assert api.assess(answers, pack=PACK).result == api.assess(original, pack=PACK).result
    notes = {k: tr(a.note, "en") for k, a in original.answers.items() if a.note}
    assert {k: answers.answers[k].note for k in notes} == notes
    assert page.errors == []


def test_conditions_hide_questions_and_a_reload_keeps_everything(browser: Any, form: Path) -> None:
    page = _page(browser, PHONE)
    page.goto(form.as_uri())
    page.click("#next")
    page.click("#next")  # business value
    ids = [q.id for q in CHECKLIST.questions]
    measured, share = (
        ids.index("business-value.measured"),
        ids.index("business-value.measured-share"),
    )
    assert not page.is_visible(f"#q-{share}")
    page.check(f"#q-{measured}-0")  # yes
    assert page.is_visible(f"#q-{share}")
    page.fill(f"#q-{share}-value", "40")
    page.click(f"#q-{share} details.note summary")
    page.fill(f"#q-{share}-note", "from the <b>survey</b> & chat")
    _wait_until_stored(page)
    page.reload()
    assert page.input_value(f"#q-{share}-value") == "40"
    assert page.input_value(f"#q-{share}-note") == "from the <b>survey</b> & chat"
    page.check(f"#q-{measured}-1")  # no: the follow-up disappears
    assert not page.is_visible(f"#q-{share}")
    page.check(f"#q-{measured}-dont_know")
    assert page.is_disabled(f"#q-{measured}-0")


def test_the_founding_date_is_checked_as_typed_in_both_languages(browser: Any, form: Path) -> None:
    page = _page(browser, PHONE)
    page.goto(form.as_uri())
    page.fill("#meta-community", "Клуб")
    page.fill("#meta-rater", "Ольга")
    for typed, problem in (
        ("summer 2020", "Type a date such as 2020, 2020-08 or 2020-08-15."),
        ("2020-02-30", "Type a date such as 2020, 2020-08 or 2020-08-15."),
        ("2999-01", "The founding date cannot be in the future."),
        ("2020-08", ""),
        ("", ""),
    ):
        page.fill("#meta-founded", typed)
        assert page.text_content("#meta-founded-err") == problem, typed
        assert page.get_attribute("#meta-founded", "aria-invalid") == str(bool(problem)).lower()
    page.fill("#meta-founded", "2999")
    page.click("#lang-switch")
    assert (
        page.text_content("label[for=meta-founded]") == "Когда основано сообщество? (необязательно)"
    )
    assert page.text_content("#meta-founded-err") == "Дата основания не может быть в будущем."
    for _ in CHECKLIST.dimensions:
        page.click("#next")
    page.click("#next")  # the review: a wrong founding date keeps the download back
    assert "Когда основано сообщество?" in (page.text_content("section.missing") or "")
    page.click("section.missing button.link >> text=Когда основано")
    assert page.evaluate("document.activeElement.id") == "meta-founded"
    page.fill("#meta-founded", "2019-05")
    _wait_until_stored(page)
    page.reload()
    assert page.input_value("#meta-founded") == "2019-05"
    assert page.errors == []


def test_screenshots_in_both_languages_phone_and_desktop(
    browser: Any, form: Path, tmp_path: Path
) -> None:
    shots = Path(os.environ.get("COMMKIT_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    example = current_answers(EXAMPLES[0])
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = _page(browser, viewport)
        page.goto(form.as_uri())
        page.screenshot(path=str(shots / f"{name}-en-start.png"))
        page.click("#lang-switch")
        assert page.get_attribute("html", "lang") == "ru"
        assert page.text_content("#next") == "Далее"
        page.screenshot(path=str(shots / f"{name}-ru-start.png"))
        page.click("#lang-switch")
        page = _fill(page, form, example, None)
        page.screenshot(path=str(shots / f"{name}-en-review.png"))
        page.click("#lang-switch")
        page.screenshot(path=str(shots / f"{name}-ru-review.png"), full_page=True)
        page.click("#back")
        page.screenshot(path=str(shots / f"{name}-ru-dimension.png"))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], "nothing sticks out sideways"
        assert page.errors == []


# localStorage and IndexedDB as a browser that cannot keep anything has them (storage off, a
# full disk, some private windows): every write throws, or only while ``window.storageFull``.
REFUSING_STORAGE = """
(() => {
  const full = () => new DOMException('quota exceeded', 'QuotaExceededError');
  const setItem = Storage.prototype.setItem;
  const open = IDBFactory.prototype.open;
  const put = IDBObjectStore.prototype.put;
  window.storageFull = %s;
  Storage.prototype.setItem = function (key, value) {
    if (window.storageFull) { throw full(); }
    return setItem.call(this, key, value);
  };
  IDBFactory.prototype.open = function (...args) {
    if (window.storageFull) { throw full(); }
    return open.apply(this, args);
  };
  IDBObjectStore.prototype.put = function (...args) {
    if (window.storageFull) { throw full(); }
    return put.apply(this, args);
  };
})();
"""
STORAGE_OFF = {
    "en": "This browser cannot keep your answers: if you close or reload this tab, they are "
    "lost. Answer every question in one go and download the answers file on the last step "
    "before you close the tab.",
    "ru": "Этот браузер не может сохранить ваши ответы: если закрыть или перезагрузить вкладку, "
    "они пропадут. Ответьте на все вопросы за один раз и скачайте файл с ответами на последнем "
    "шаге, прежде чем закрывать вкладку.",
}


def _refusing_page(browser: Any, viewport: dict[str, int], always: bool) -> Any:
    page = _page(browser, viewport)
    page.context.add_init_script(REFUSING_STORAGE % ("true" if always else "false"))
    return page


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_browser_that_cannot_keep_answers_says_so_in_the_forms_language(
    browser: Any, tmp_path: Path, lang: str
) -> None:
    shots = Path(os.environ.get("COMMKIT_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    form = api.export_checklist("html", tmp_path / lang, lang=lang)
    other = "ru" if lang == "en" else "en"
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = _refusing_page(browser, viewport, always=True)
        page.goto(form.as_uri())
        notice = page.locator("#storage-notice")
        # before the first answer, at the top of the page, read out by screen readers
        assert notice.is_visible()
        assert notice.text_content() == STORAGE_OFF[lang]
        assert notice.get_attribute("role") == "alert"
        top = notice.bounding_box()
        assert top is not None and top["y"] + top["height"] <= viewport["height"]
        # the start screen no longer promises that the page can be closed and found again
        intro = page.text_content("#app") or ""
        assert "close the page and come back" not in intro
        assert "страницу можно закрыть" not in intro
        page.screenshot(path=str(shots / f"storage-off-{name}-{lang}.png"))
        page.fill("#meta-community", "Клуб")
        page.click("#next")  # every step keeps saying it
        assert notice.text_content() == STORAGE_OFF[lang]
        page.click("#lang-switch")
        assert notice.text_content() == STORAGE_OFF[other]
        page.screenshot(path=str(shots / f"storage-off-{name}-{other}-step.png"))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], "nothing sticks out sideways"
        assert page.errors == []


def test_the_notice_comes_when_a_save_fails_and_goes_when_one_succeeds(
    browser: Any, form: Path
) -> None:
    page = _refusing_page(browser, PHONE, always=False)
    page.goto(form.as_uri())
    notice = page.locator("#storage-notice")
    page.fill("#meta-community", "Club")
    assert not notice.is_visible() and notice.text_content() == ""
    page.evaluate("window.storageFull = true")  # the browser's storage fills up
    page.fill("#meta-rater", "Olga")
    assert notice.is_visible()
    assert notice.text_content() == STORAGE_OFF["en"]
    page.evaluate("window.storageFull = false")
    page.fill("#meta-role", "core team")
    assert not notice.is_visible()
    # the last save holds everything typed, the rater too, when the form is opened again
    page = _reopen(page, form)
    assert page.input_value("#meta-rater") == "Olga"
    assert page.input_value("#meta-role") == "core team"
    assert page.errors == []


def test_the_form_comes_back_from_its_second_copy_when_local_storage_lost_it(
    browser: Any, form: Path
) -> None:
    """The symptom seen in CI: a new tab finds no localStorage state although the form saved.
    The answers come back from the IndexedDB copy."""
    page = _page(browser, PHONE)
    page.goto(form.as_uri())
    page.fill("#meta-community", "Club")
    page.fill("#meta-rater", "Olga")
    page.click("#next")
    page.check("#q-0-2")
    _wait_until_stored(page)
    progress = page.text_content("#progress-text")
    page.context.add_init_script("window.localStorage.clear()")
    page = _reopen(page, form)
    assert page.evaluate("window.localStorage.length") == 0  # the localStorage copy is gone
    assert page.text_content("#progress-text") == progress
    assert page.is_checked("#q-0-2")
    page.click("#back")
    assert page.input_value("#meta-rater") == "Olga"
    assert page.errors == []
