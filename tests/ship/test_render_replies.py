"""scripts/render_replies.py draws every command's real reply, and README shows each committed picture."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
MAX_BYTES = 100_000


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_replies", ROOT / "scripts" / "render_replies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["render_replies"] = module
    spec.loader.exec_module(module)
    return module


def test_the_script_draws_each_reply_small(tmp_path: Path) -> None:
    script = load_script()
    assert script.main(["--out", str(tmp_path), "--n", "300"]) == 0
    drawn = sorted(p.name for p in tmp_path.glob("*.png"))
    committed = sorted(p.name for p in (ROOT / "docs" / "img").glob("*.png"))
    assert drawn == committed and len(drawn) >= 7
    for path in tmp_path.glob("*.png"):
        with Image.open(path) as image:
            assert image.width == script.WIDTH and 100 < image.height < 2000
        assert path.stat().st_size < MAX_BYTES


def test_readme_shows_every_committed_picture() -> None:
    readme = (ROOT / "README.md").read_text()
    shown = set(re.findall(r"\]\((docs/img/[\w-]+\.png)\)", readme))
    committed = {f"docs/img/{p.name}" for p in (ROOT / "docs" / "img").glob("*.png")}
    assert shown == committed
    assert all((ROOT / name).stat().st_size < MAX_BYTES for name in committed)


def test_markdown_runs() -> None:
    script = load_script()
    runs = script.runs("**USD** median [link](https://x) `code` <#1002> rest")
    assert [(r.text, r.bold, r.link, r.code, r.mention) for r in runs] == [
        ("USD", True, False, False, False),
        (" median ", False, False, False, False),
        ("link", False, True, False, False),
        (" ", False, False, False, False),
        ("code", False, False, True, False),
        (" ", False, False, False, False),
        ("#digest", False, False, False, True),
        (" rest", False, False, False, False),
    ]
