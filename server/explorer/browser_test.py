#!/usr/bin/env python3
"""The explorer in a real browser (issue 14, part 3).

Ingests the sample corpus, starts `mskg serve` on a free port and drives
headless Chromium through WebDriver (chromium-driver, python3-selenium):
search "psoas" and pick the suggestion; check the entity view lists the
antagonists and the graph has the expected nodes, bounded and merged; click
an edge and see its source sentence; click a node and land on its page; run
a query with a syntax error and see the caret; run a good one and see its
table and graph; then, on a server that needs a key, see the key dialog and
search with the key. Screenshots go to $TEST_UNDECLARED_OUTPUTS_DIR (or
--out). Every wait is explicit, with a timeout.

Usage: browser_test.py --mskg PATH --corpus DIR [--out DIR]
"""

import argparse
import os
import select
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

WAIT_S = 20
READ_KEY = "explorer-test-read-key-0123"
EXPECTED_ANTAGONISTS = {"erector spinae", "hamstrings", "gluteal muscles", "hip extensors"}
EXPECTED_NODES = EXPECTED_ANTAGONISTS | {
    "psoas major", "hip flexors", "iliopsoas", "lumbar plexus", "psoas major spasm", "lunge"}
EDGE_SENTENCE = "The psoas major is a hip flexor that originates from the lumbar vertebrae."


class Server:
    """`mskg serve` on a port the kernel picks; stopped by stop() or on exit."""

    def __init__(self, mskg, db, env_extra=None):
        env = dict(os.environ)
        env.pop("MSKG_API_KEYS", None)
        env.update(env_extra or {})
        self.proc = subprocess.Popen(
            [mskg, "--db", db, "serve", "--port", "0", "--read-only"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        deadline = time.monotonic() + WAIT_S
        line = ""
        while time.monotonic() < deadline and not line:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.5)
            if ready:
                line = self.proc.stdout.readline()
                if not line:
                    break  # Exited.
        if not line.startswith("listening on "):
            self.stop()
            raise RuntimeError(f"mskg serve did not start: {line!r} {self.proc.stderr.read()}")
        self.url = "http://" + line.split()[-1]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Check:
    """Counts failures and goes on, so one run reports every broken step."""

    def __init__(self):
        self.failures = 0
        self.passes = 0

    def __call__(self, ok, what):
        if ok:
            self.passes += 1
            print(f"ok: {what}")
        else:
            self.failures += 1
            print(f"FAIL: {what}", file=sys.stderr)
        return ok


def start_browser(profile):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox",  # CI runs as root.
                "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,1000",
                "--force-device-scale-factor=1", f"--user-data-dir={profile}",
                "--no-first-run", "--disable-extensions", "--lang=en-GB"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for(driver, condition, what):
    try:
        return WebDriverWait(driver, WAIT_S).until(condition)
    except TimeoutException:
        raise AssertionError(f"timed out after {WAIT_S} s waiting for {what}") from None


def state_is(element_id, state):
    return lambda d: d.find_element(By.ID, element_id).get_attribute("data-state") == state


def click_at(driver, x, y):
    """A real pointer click at viewport coordinates (for the graph's canvas)."""
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(x), int(y))
    actions.pointer_action.click()
    actions.perform()


# Returns the viewport position of a graph element found by `find` (JS,
# given cy, returning one element), after scrolling its graph into view.
POSITION_JS = """
const cy = window.mskgExplorer[arguments[0]];
const found = (new Function('cy', 'return ' + arguments[1]))(cy);
if (!found || found.length === 0) return null;
cy.container().scrollIntoView({block: 'center'});
const box = cy.container().getBoundingClientRect();
const p = found.isEdge() ? found.renderedMidpoint() : found.renderedPosition();
return [box.left + p.x, box.top + p.y];
"""


def graph_position(driver, graph, find):
    return driver.execute_script(POSITION_JS, graph, find)


def explore(driver, base, out, check):
    driver.get(base + "/")
    search = wait_for(driver, EC.element_to_be_clickable((By.ID, "search-input")), "the search box")
    search.send_keys("psoas")
    option = wait_for(driver, EC.visibility_of_element_located(
        (By.CSS_SELECTOR, '#suggestions li[data-name="psoas major"]')), "the suggestion 'psoas major'")
    driver.save_screenshot(os.path.join(out, "1-search.png"))
    option.click()

    wait_for(driver, state_is("entity-view", "ready"), "the entity view")
    wait_for(driver, state_is("entity-graph", "ready"), "the neighbourhood graph")
    check(driver.find_element(By.ID, "entity-name").text == "psoas major", "the entity view shows psoas major")
    check(driver.find_element(By.ID, "entity-type").text == "Muscle", "its type is Muscle")
    check("psoas" in driver.find_element(By.ID, "entity-aliases").text, "its aliases are listed")
    listed = {a.text for a in driver.find_elements(
        By.CSS_SELECTOR, '#entity-relations section[data-relation="ANTAGONIST_OF"] li a')}
    check(EXPECTED_ANTAGONISTS <= listed,
          f"the antagonists are listed ({len(listed)}; missing {EXPECTED_ANTAGONISTS - listed})")
    names = driver.execute_script(
        "return window.mskgExplorer.entityGraph.nodes().map(n => n.data('name'))")
    check(EXPECTED_NODES <= set(names), f"the graph has the expected nodes (missing {EXPECTED_NODES - set(names)})")
    check(len(names) <= 60, f"the graph is bounded: {len(names)} nodes <= 60")
    check(len(names) == len(set(names)), "each entity is drawn once")
    merged = driver.execute_script("""
        const cy = window.mskgExplorer.entityGraph;
        const e = cy.edges().filter(e => [e.source().data('name'), e.target().data('name')]
            .includes('erector spinae'));
        return e.map(x => [x.data('label'), x.hasClass('inferred'), x.hasClass('directed')]);""")
    check(merged == [["ANTAGONIST_OF (opposite_actions)", True, False]],
          f"the antagonist stored both ways is one dashed edge named by rule: {merged}")
    driver.save_screenshot(os.path.join(out, "2-entity.png"))

    find_edge = ("cy.edges().filter(e => e.source().data('name') === 'psoas major' && "
                 "e.target().data('name') === 'hip flexors')")
    position = graph_position(driver, "entityGraph", find_edge)
    if check(position is not None, "the graph has the edge psoas major -> hip flexors"):
        click_at(driver, *position)
        try:
            wait_for(driver, EC.text_to_be_present_in_element((By.ID, "entity-details"), EDGE_SENTENCE),
                     "the edge's sentence")
            check(True, "clicking the edge shows its source sentence")
        except AssertionError as error:
            check(False, str(error))
        details = driver.find_element(By.ID, "entity-details").text
        check("ql_and_psoas_spasm.txt" in details, "and the document it came from")
        driver.save_screenshot(os.path.join(out, "3-edge.png"))

    position = graph_position(driver, "entityGraph", "cy.nodes().filter(n => n.data('name') === 'hamstrings')")
    if check(position is not None, "the graph has the node hamstrings"):
        click_at(driver, *position)
        try:
            wait_for(driver, lambda d: d.find_element(By.ID, "entity-name").text == "hamstrings"
                     and d.find_element(By.ID, "entity-view").get_attribute("data-state") == "ready",
                     "the hamstrings page")
            check("#/entity/Muscle/hamstrings" in driver.current_url, "clicking a node opens its page")
        except AssertionError as error:
            check(False, str(error))

    driver.find_element(By.ID, "query-link").click()
    text = wait_for(driver, EC.visibility_of_element_located((By.ID, "query-text")), "the query console")
    text.clear()
    text.send_keys("MATCH (m:Muscle", Keys.ENTER, "RETURN m.name")
    driver.find_element(By.ID, "query-run").click()
    wait_for(driver, EC.visibility_of_element_located((By.ID, "query-error")), "the query error")
    message = driver.find_element(By.ID, "query-error-message").text
    caret = driver.find_element(By.ID, "query-error-caret").text
    check("expected ')'" in message, f"the syntax error's message is shown: {message!r}")
    check(caret.startswith("line 2, column 1:") and caret.endswith("RETURN m.name\n^"),
          f"with a caret at its line and column: {caret!r}")
    driver.save_screenshot(os.path.join(out, "4-query-error.png"))

    text.clear()
    text.send_keys("MATCH (x:Muscle)-[r:ANTAGONIST_OF]-(p:Muscle {name: 'hamstrings'}) "
                   "WHERE NOT r.inferred RETURN x.name, r, p.name")
    text.send_keys(Keys.CONTROL, Keys.ENTER)
    wait_for(driver, state_is("query-graph", "ready"), "the result's graph")
    check(not driver.find_element(By.ID, "query-error").is_displayed(), "the error box is gone")
    rows = driver.find_elements(By.CSS_SELECTOR, "#query-table tbody tr")
    check(len(rows) >= 1, f"the result table has rows ({len(rows)})")
    names = set(driver.execute_script(
        "return window.mskgExplorer.queryGraph.nodes().map(n => n.data('name'))"))
    check("hamstrings" in names and len(names) >= 2, f"the result graph draws the answer: {sorted(names)}")
    edges = driver.execute_script("return window.mskgExplorer.queryGraph.edges().length")
    check(edges == len(names) - 1, f"one edge per pair, rows matched both ways merged: {edges} edges")
    driver.save_screenshot(os.path.join(out, "5-query.png"))

    # An answer larger than the node budget is cut to the best-connected.
    text.clear()
    text.send_keys("MATCH (a:Muscle)-[r]->(b) RETURN a.name, r, b.name")
    driver.find_element(By.ID, "query-run").click()
    wait_for(driver, lambda d: d.find_element(By.ID, "query-graph").get_attribute("data-state") == "ready"
             and "best-connected" in d.find_element(By.ID, "query-graph-note").text, "the capped graph")
    count = driver.execute_script("return window.mskgExplorer.queryGraph.nodes().length")
    check(count == 60, f"a large answer draws 60 nodes: {count}")


def needs_key(driver, base, out, check):
    driver.get(base + "/")
    driver.execute_script("sessionStorage.clear()")
    driver.refresh()
    search = wait_for(driver, EC.element_to_be_clickable((By.ID, "search-input")), "the search box")
    search.send_keys("psoas")
    key = wait_for(driver, EC.visibility_of_element_located((By.ID, "key-input")), "the key dialog")
    check(True, "a server that needs a key for reads asks for one")
    driver.save_screenshot(os.path.join(out, "6-key.png"))
    key.send_keys(READ_KEY, Keys.ENTER)
    wait_for(driver, EC.visibility_of_element_located(
        (By.CSS_SELECTOR, '#suggestions li[data-name="psoas major"]')), "suggestions sent with the key")
    check(True, "with the key, the search answers")


def browser_errors(driver):
    """Console errors other than the failed requests the test provokes
    (the 400 of the bad query, the 401 before the key)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "Failed to load resource" not in entry["message"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mskg", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--out", default=os.environ.get("TEST_UNDECLARED_OUTPUTS_DIR"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    out = args.out or work
    os.makedirs(out, exist_ok=True)
    db = os.path.join(work, "store")
    subprocess.run([args.mskg, "--db", db, "ingest", args.corpus], check=True,
                   stdout=subprocess.DEVNULL, timeout=120)

    check = Check()
    start = time.monotonic()
    driver = start_browser(os.path.join(work, "profile"))

    def phase(name, steps, env=None):
        """Runs `steps` against a server of its own; a timeout fails the
        phase with a screenshot of where it stood."""
        server = Server(args.mskg, db, env)
        try:
            steps(driver, server.url, out, check)
        except AssertionError as error:
            check(False, str(error))
            driver.save_screenshot(os.path.join(out, f"failure-{name}.png"))
        finally:
            server.stop()

    try:
        phase("explore", explore)
        errors = browser_errors(driver)
        check(not errors, f"no console errors (CSP, scripts): {errors}")
        phase("key", needs_key, {"MSKG_API_KEYS": f"{READ_KEY}:read"})
    finally:
        driver.quit()
    print(f"screenshots in {out}; {time.monotonic() - start:.1f} s in the browser")
    print(f"{check.passes} passed, {check.failures} failed")
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
