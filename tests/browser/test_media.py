"""A visitor's audio guide in Chromium: the number box leads to the stop, and the
browser reads the recording and its captions (the kiosk's offline playing is in
test_kiosk.py, beside its fixtures)."""

from playwright.sync_api import expect

GUIDE = "/exhibitions/international-friends/audio/"


def wait_for_metadata(audio, timeout=30):
    """Load ``audio`` and wait until the browser knows its length, or an error, or
    ``timeout`` seconds (events, not polling: CSP forbids wait_for_function)."""
    return audio.evaluate(
        """(a, ms) => new Promise((resolve) => {
            const state = () => resolve({ready: a.readyState, duration: a.duration,
                                         error: a.error && a.error.code});
            a.addEventListener("loadedmetadata", state, {once: true});
            // A <source> that fails reports on itself: caught on the way down.
            a.addEventListener("error", state, {once: true, capture: true});
            setTimeout(state, ms);
            a.load();
        })""",
        timeout * 1000,
    )


def test_typing_a_stop_number_plays_that_stop_with_transcript_and_captions(page, site):
    page.goto(site.url + GUIDE)
    page.get_by_label("Stop number").fill("3")
    page.get_by_role("button", name="Play").click()
    expect(page).to_have_url(site.url + GUIDE + "3/")
    expect(page.locator("h1")).to_contain_text("Stop 3")
    audio = page.locator("audio.clip__audio")
    state = wait_for_metadata(audio)
    assert state["error"] is None and state["duration"] > 5, state
    expect(page.locator(".clip__transcript")).to_have_attribute("open", "")
    expect(page.locator(".clip__transcript .prose p").first).to_be_visible()
    tracks = audio.evaluate("a => Array.from(a.textTracks, t => [t.language, t.mode])")
    assert tracks == [["en", "showing"], ["zh-Hans", "disabled"]], tracks
    expect(page.locator(".clip__placeholder")).to_be_visible()


def test_an_unknown_number_stays_on_the_guide_with_a_message(page, site):
    page.goto(site.url + "/zh-hans" + GUIDE)
    page.locator("#stop-number").fill("77")
    page.locator(".stop-finder button").click()
    expect(page.locator("#stop-message")).to_contain_text("本展览没有第77站")
    expect(page.locator(".stop-list li")).to_have_count(4)
