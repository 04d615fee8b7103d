"""Two accessibility engines in the page itself: axe-core (WCAG 2.2 A and AA rules)
and HTML_CodeSniffer (pa11y's engine, its WCAG2AA standard), both from npm.

`evaluate()` goes through the DevTools protocol, so the page's CSP stays strict.
"""

from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
HTMLCS = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# A short CSS path to an element, so that a failure says where to look.
SELECTOR = """
function selectorOf(element) {
  const parts = [];
  for (let node = element; node?.nodeType === 1 && parts.length < 4; node = node.parentElement) {
    if (node.id) { parts.unshift('#' + node.id); break; }
    const classes = [...node.classList].slice(0, 2).map(name => '.' + name).join('');
    parts.unshift(node.localName + classes);
  }
  return parts.join(' > ');
}
"""

HTMLCS_RUN = (
    "() => new Promise(resolve => HTMLCS.process('WCAG2AA', document, () => {"
    + SELECTOR
    + "resolve(HTMLCS.getMessages().filter(message => message.type === HTMLCS.ERROR)"
    ".map(message => ({code: message.code, target: selectorOf(message.element),"
    " text: message.msg})));"
    "}))"
)


def axe_violations(page) -> list[str]:
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    return [
        f"axe {violation['id']}: {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def htmlcs_errors(page, known: dict[tuple[str, str], str] | None = None) -> list[str]:
    """HTML_CodeSniffer's errors, less the `known` ones: {(code, selector): why}."""
    page.evaluate(HTMLCS.read_text())
    known = known or {}
    return [
        f"HTML_CodeSniffer {error['code']}: {error['target']}: {error['text']}"
        for error in page.evaluate(HTMLCS_RUN)
        if (error["code"], error["target"]) not in known
    ]


def accessibility_problems(page, known=None) -> list[str]:
    """Everything either engine finds on the page as it is now."""
    return axe_violations(page) + htmlcs_errors(page, known)
