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
