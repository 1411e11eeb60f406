"""The runner's own rules, checked without an endpoint: the one-line substitution and the
normalisation of what two fresh endpoints make differently."""

import pytest

from harness import normalise, ours_variant


def test_python_variant_changes_only_the_import_line():
    """`import boto3` becomes `from iot_transfer import boto3`, and nothing else changes."""
    script = "import logging\nimport boto3\nfrom botocore.exceptions import ClientError\n"
    assert ours_variant("python", script) == "import logging\nfrom iot_transfer import boto3\nfrom botocore.exceptions import ClientError\n"


@pytest.mark.parametrize("script", ["import logging\n", "import boto3\nimport boto3\n", "import boto3 as b\n"])
def test_python_variant_refuses_a_script_without_exactly_one_import_line(script):
    """No line, two lines, or another spelling of the import: the script is refused."""
    with pytest.raises(ValueError):
        ours_variant("python", script)


def test_js_variant_changes_only_the_module_specifier():
    """The specifier in a multi-line import becomes "iot-transfer", and nothing else changes."""
    script = 'import {\n  IoTClient,\n} from "@aws-sdk/client-iot";\nconsole.log(1);\n'
    assert ours_variant("js", script) == 'import {\n  IoTClient,\n} from "iot-transfer";\nconsole.log(1);\n'


@pytest.mark.parametrize(
    "script",
    ['import "node:util";\n', 'import { A } from "@aws-sdk/client-iot";\nimport { B } from "@aws-sdk/client-iot";\n'],
)
def test_js_variant_refuses_a_script_without_exactly_one_specifier(script):
    """No import of the SDK, or two: the script is refused."""
    with pytest.raises(ValueError):
        ours_variant("js", script)


def test_normalise_replaces_setup_names_longest_first_then_ids_and_times():
    """An ARN is named before the ID inside it; request IDs, URLs and both languages' dates are masked."""
    cert = "ab" * 32
    arn = f"arn:aws:iot:eu-west-1:111122223333:cert/{cert}"
    names = {cert: "CERT", arn: "CERT_ARN"}
    text = (
        f"{arn} {cert} at http://127.0.0.1:4000 request 0f8fad5b-d9cb-469f-a165-70867728950e "
        "2026-12-07 07:55:00+00:00 2026-12-07T07:55:00.123Z datetime.datetime(2026, 12, 7, 7, 55, tzinfo=tzlocal())"
    )
    assert normalise(text, names, "http://127.0.0.1:4000") == "<CERT_ARN> <CERT> at <endpoint> request <uuid> <time> <time> <time>"
