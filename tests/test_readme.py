"""README.md tells the truth: every key binding of the app is in its shortcuts table."""

from __future__ import annotations

import re

from broadsheet.ui.key_bindings import key_names
from broadsheet.ui.keymap import KEYMAP
from conftest import ROOT


def test_every_key_binding_is_in_the_readme_table(qapp) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- shortcuts -->", 1)[1].split("\n\n", 1)[0]
    documented = set(re.findall(r"`([^`]+)`", table))
    ours = {key for binding in KEYMAP for key in binding.keys}
    # The platform's standard keys vary by desktop; README may show the ones bound here.
    bound = ours | {key for binding in KEYMAP for key in key_names(binding)}
    assert ours - documented == set(), "keys the app binds that README does not show"
    assert documented - bound == set(), "keys README shows that the app does not bind"
