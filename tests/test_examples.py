"""provenance.examples and the docs that read it: the examples ship, and the docs read nothing else.

The proof that the docs run from an installed wheel is ``make test-wheel`` (scripts/test_wheel.py: a
fresh venv, only the wheel, the docs run from outside the repository); these tests guard the parts
cheaply in the suite: the accessors, that the test fixtures are the shipped files, that no doctest
names a file of the repository, that the docs pass from another working directory, and the doctest
runner's skipping of blocks whose extras are missing.
"""

import doctest
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import provenance
from provenance import UnknownExampleError, example_path, example_registry, example_registry_path, seed_article
from provenance.articles import parse_article
from provenance.errors import ProvenanceError
from provenance.registry import Registry
from tests.conftest import FIXTURES, ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _runner():
    spec = importlib.util.spec_from_file_location("doc_doctests", ROOT / "scripts" / "doc_doctests.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["doc_doctests"] = module
    spec.loader.exec_module(module)
    return module


doc_doctests = _runner()


def test_the_seed_article_is_the_repository_seed_and_reads_as_in_the_tutorial():
    text, url = seed_article()
    assert text == (ROOT / "seeds" / "000_ef366a290e0a1be4.txt").read_text(encoding="utf-8")
    assert url == "https://www.eurasiareview.com/16082012-russia-and-belarus-20-years-of-diplomatic-relations-oped/"
    article = parse_article(text, url=url)
    assert article.title == "Russia And Belarus: 20 Years Of Diplomatic Relations"
    assert {mention.outlet for mention in article.attributions()} == {"voice-of-russia"}


def test_the_test_fixtures_are_the_shipped_files_not_copies():
    """Each fixture file is a link to the package's file (a link per file: sdists keep those, not folders)."""
    package = Path(provenance.__file__).parent / "examples"
    pairs = [(ROOT / "seeds" / "000_ef366a290e0a1be4.txt", package / "seed.txt")]
    for folder in ["registry", "importers"]:
        shipped = sorted(path.name for path in (package / folder).iterdir())
        assert sorted(path.name for path in (FIXTURES / folder).iterdir()) == shipped
        pairs += [(FIXTURES / folder / name, package / folder / name) for name in shipped]
    for fixture, shipped in pairs:
        assert fixture.is_symlink() and fixture.resolve() == shipped.resolve()
        assert not shipped.is_symlink()  # the package holds the files themselves, so the wheel has them
    assert example_registry_path().resolve() == (package / "registry").resolve()
    assert example_registry().records == Registry.from_folder(FIXTURES / "registry").records


def test_the_example_registry_is_loaded_once_and_is_small():
    assert example_registry() is example_registry()
    assert {outlet.id for outlet in example_registry().outlets()} >= {"rt", "voice-of-russia", "radio-sputnik"}
    assert len(list(example_registry().outlets())) < len(list(provenance.default_registry().outlets()))


def test_example_path_gives_shipped_files_and_refuses_anything_else():
    assert example_path("importers/ratings.csv").read_text(encoding="utf-8").startswith("Domain,Rater,Value,Date")
    assert example_path("registry").is_dir()
    for name in ["nothing.csv", "../registry", "registry/../seed.txt", "__init__.py", "", "/etc/passwd", "importers/"]:
        with pytest.raises(UnknownExampleError) as caught:
            example_path(name)
        assert isinstance(caught.value, ProvenanceError) and isinstance(caught.value, FileNotFoundError)
        assert caught.value.name == name and "seed.txt" in str(caught.value)


def test_the_examples_listing_holds_no_code():
    names = provenance.examples._listing()
    assert "seed.txt" in names and "registry/ru.toml" in names
    assert not [name for name in names if name.endswith((".py", ".pyc")) or "__pycache__" in name]


REPOSITORY_PATHS = re.compile(r"tests/|seeds/|benchmarks/|scripts/|provenance/examples|\.\./shared")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_no_doctest_reads_a_file_of_the_repository(document):
    text = document.read_text(encoding="utf-8")
    examples = doctest.DocTestParser().get_examples(text)
    offending = [example.source for example in examples if REPOSITORY_PATHS.search(example.source)]
    assert offending == [], f"{document.name}: read it through provenance.examples instead"


def test_the_docs_pass_from_another_working_directory(tmp_path):
    """The docs' doctests with the standard library's runner, from an empty folder: no path is relative.

    Hypothesis's examples run under pytest (with the suite's settings profile), not here: without the
    profile a loaded machine can fail their health check.
    """
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    runner = [sys.executable, str(ROOT / "scripts" / "doc_doctests.py"), "--without", "hypothesis"]
    result = subprocess.run(
        [*runner, *map(str, DOCUMENTS)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    counts = re.search(r"^doctests: (\d+) passed, 0 failed, (\d+) skipped$", result.stdout, re.MULTILINE)
    assert counts is not None and int(counts[1]) > 250, result.stdout[-1000:]
    assert list(tmp_path.iterdir()) == []  # nothing written where the user runs them


def _document(tmp_path, text):
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return doc_doctests.run_document(path)


def test_the_runner_skips_a_marked_block_whose_module_is_missing_and_runs_the_rest(tmp_path):
    text = (
        "```python\n>>> x = 1\n\n```\n"
        "<!-- doctest-requires: no_such_module_here -->\n```python\n>>> import no_such_module_here\n>>> x\n2\n\n```\n"
        "```python\n>>> x + 1\n2\n\n```\n"
    )
    tally = _document(tmp_path, text)
    assert (tally.passed, tally.failed, tally.skipped, tally.missing) == (2, 0, 2, {"no_such_module_here"})


def test_the_runner_runs_a_marked_block_when_its_module_is_there_and_counts_failures(tmp_path):
    text = "<!-- doctest-requires: json, re -->\n```python\n>>> import json\n>>> json.dumps(1)\n'2'\n\n```\n"
    tally = _document(tmp_path, text)
    assert (tally.passed, tally.failed, tally.skipped) == (1, 1, 0)


def test_the_runner_reads_importorskip_as_a_marker_up_to_the_end_of_its_block(tmp_path):
    text = (
        "```python\n>>> import pytest\n>>> ok = 1\n>>> m = pytest.importorskip('no_such_module_here', reason='x')\n"
        ">>> m.thing\n1\n\n```\n```python\n>>> ok\n1\n\n```\n"
    )
    tally = _document(tmp_path, text)
    assert (tally.passed, tally.failed, tally.skipped) == (3, 0, 2)


def test_the_runner_uses_a_pytest_stand_in_where_pytest_is_missing(tmp_path):
    (tmp_path / "doc.md").write_text(
        "```python\n>>> import pytest\n>>> pytest.importorskip('json', reason='x').dumps(1)\n'1'\n\n```\n",
        encoding="utf-8",
    )
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'scripts')!r})\n"
        "import doc_doctests\n"
        "doc_doctests.WITHOUT.add('pytest')\n"
        "sys.modules.pop('pytest', None)\n"
        "doc_doctests.pytest_stand_in()\n"
        "assert sys.modules['pytest'].__doc__.startswith('A stand-in')\n"
        f"sys.exit(doc_doctests.main([{str(tmp_path / 'doc.md')!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "doctests: 2 passed, 0 failed, 0 skipped" in result.stdout
