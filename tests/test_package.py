import importlib
import inspect
import subprocess
import sys

import provenance


def test_import_is_light_and_offline():
    """`import provenance` loads neither tldextract (nor its requests), dateutil, cattrs nor the data."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import provenance"], capture_output=True, text=True, check=True
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert not imported & {"tldextract", "requests", "urllib3", "dateutil", "cattrs", "tomllib", "socket", "ssl"}


def test_a_lazy_import_pauses_the_collector_and_restores_it():
    """The registry's modules load with the cyclic collector paused; it is on again after, and stays off if it was."""
    code = (
        "import gc, provenance; provenance.default_registry; assert gc.isenabled();"
        "gc.disable(); provenance.label_url; assert not gc.isenabled()"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_public_name_resolves_and_is_documented():
    for name in provenance.__all__:
        value = getattr(provenance, name)
        if name.startswith("_") or not (inspect.isclass(value) or inspect.isfunction(value)):
            continue
        assert inspect.getdoc(value), f"provenance.{name} has no docstring"
    assert set(provenance.__all__) <= set(dir(provenance))


def test_public_methods_are_documented():
    for module_name in ["registry", "labels", "labelling", "policies", "ownership", "reports", "dates", "model"]:
        module = importlib.import_module(f"provenance.{module_name}")
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if not inspect.isclass(value):
                continue
            for attribute, member in vars(value).items():
                if attribute.startswith("_") or not inspect.isfunction(member):
                    continue
                assert inspect.getdoc(member), f"{module_name}.{name}.{attribute} has no docstring"


def test_unknown_attribute_is_an_attribute_error():
    try:
        provenance.not_a_thing  # noqa: B018
    except AttributeError as error:
        assert "not_a_thing" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_errors_share_one_base():
    errors = [getattr(provenance, name) for name in provenance.__all__ if name.endswith("Error")]
    assert errors and all(issubclass(error, provenance.ProvenanceError) for error in errors)
    assert issubclass(provenance.UnknownIdError, LookupError)


def _type_checking_imports():
    """(module, name) of every import under ``if TYPE_CHECKING:`` in provenance/__init__.py."""
    import ast

    tree = ast.parse(inspect.getsource(provenance))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                for alias in statement.names:
                    assert alias.asname == alias.name, f"{alias.name} is not re-exported as itself"
                    found.add((statement.module, alias.name))
    return found


def test_the_public_api_is_listed_once_and_type_checkers_see_the_same():
    listed = {(module, name) for module, names in provenance._EXPORTS_BY_MODULE.items() for name in names}
    assert _type_checking_imports() == listed
    assert sorted(provenance.__all__) == sorted(["__version__", *(name for _, name in listed)])
    assert len(provenance.__all__) == len(set(provenance.__all__))
    for module, name in listed:
        assert getattr(importlib.import_module(module), name) is getattr(provenance, name)
    assert "label_many" in provenance.__all__


def test_every_public_name_appears_in_the_docs():
    from pathlib import Path

    docs = Path(__file__).resolve().parent.parent / "docs"
    text = "\n".join(path.read_text(encoding="utf-8") for path in docs.glob("*.md"))
    text += (docs.parent / "README.md").read_text(encoding="utf-8")
    missing = [name for name in provenance.__all__ if name != "__version__" and name not in text]
    assert missing == []
