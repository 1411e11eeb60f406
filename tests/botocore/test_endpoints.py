"""Proves tests/vectors/endpoints.json, and the SDK data vendored in core/data/, with botocore.

- The vendored core/data/partitions.json and core/data/iot-endpoint-rule-set-1.json are the ones
  the installed botocore ships (scripts/build/refresh-partitions.sh refreshes them).
- For every region of the vectors (each listed region of each partition, unlisted regions each
  partition's regionRegex claims, regions no partition claims), botocore's `aws.partition` gives
  the expected partition, and botocore's endpoint rule engine (EndpointProvider: IoT's rule set
  over botocore's partitions.json) gives the expected URL or error for standard, FIPS,
  dual-stack and FIPS + dual-stack.
- A real boto3 IoT client sends its request to that same host. Where it does not, the case is a
  strict xfail in KNOWN_DISAGREEMENTS, with the reason.

The Rust side (core/tests/endpoint_vectors.rs) compares the core's output with the same file.

Run: $(scripts/setup/python.sh) -m pytest -q tests/botocore/test_endpoints.py
"""

import json
from pathlib import Path

import pytest

botocore = pytest.importorskip(
    "botocore", reason="botocore is not installed: run with $(scripts/setup/python.sh) -m pytest"
)
import botocore.loaders  # noqa: E402
import botocore.session  # noqa: E402
from botocore.awsrequest import AWSResponse  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.endpoint_provider import EndpointProvider, RuleSetStandardLibrary  # noqa: E402
from botocore.exceptions import EndpointResolutionError  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "tests/vectors/endpoints.json").read_text(encoding="utf-8"))
VARIANTS = {"standard": (False, False), "fips": (True, False), "dualStack": (False, True), "fipsDualStack": (True, True)}

# (region, variant) -> why a boto3 client does not send where the rules say. Strict xfails: the
# run fails as soon as botocore and the vectors agree (then remove the entry).
KNOWN_DISAGREEMENTS = {
    (region, variant): (
        "boto3 refuses to create the client (EndpointVariantError): its legacy endpoints.json has no "
        "dual-stack variant for this region, though IoT's rule set over partitions.json gives one "
        "(botocore's own EndpointProvider agrees with the vectors; the *-global regions of the same "
        "partitions do get a client)"
    )
    for region in ("eu-isoe-west-1", "eu-isoe-north-2", "us-isof-east-1", "us-isof-south-1", "us-isof-west-5")
    for variant in ("dualStack", "fipsDualStack")
}

@pytest.fixture(scope="module")
def loader():
    return botocore.loaders.create_loader()


@pytest.fixture(scope="module")
def provider(loader):
    return EndpointProvider(loader.load_service_model("iot", "endpoint-rule-set-1"), loader.load_data("partitions"))


def test_known_disagreements_name_existing_cases():
    assert {region for region, _ in KNOWN_DISAGREEMENTS} <= {case["region"] for case in CASES}


def params(with_disagreements=False):
    out = []
    for case in CASES:
        for variant in VARIANTS:
            reason = KNOWN_DISAGREEMENTS.get((case["region"], variant)) if with_disagreements else None
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(case, variant, id=f"{case['region']}-{variant}", marks=marks))
    return out


def test_vendored_partitions_are_botocores(loader):
    vendored = json.loads((ROOT / "core/data/partitions.json").read_text(encoding="utf-8"))
    assert vendored == loader.load_data("partitions"), (
        f"core/data/partitions.json differs from botocore {botocore.__version__}'s: "
        "run scripts/build/refresh-partitions.sh and review"
    )


def test_vendored_rule_set_is_botocores(loader):
    vendored = json.loads((ROOT / "core/data/iot-endpoint-rule-set-1.json").read_text(encoding="utf-8"))
    assert vendored == loader.load_service_model("iot", "endpoint-rule-set-1"), (
        f"core/data/iot-endpoint-rule-set-1.json differs from botocore {botocore.__version__}'s: "
        "run scripts/build/refresh-partitions.sh and review"
    )


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["region"])
def test_partition_is_botocores(loader, case):
    library = RuleSetStandardLibrary(loader.load_data("partitions"))
    assert library.aws_partition(case["region"])["name"] == case["expected"]["partition"]


@pytest.mark.parametrize("case,variant", params())
def test_endpoint_is_the_rule_sets(provider, case, variant):
    use_fips, use_dual_stack = VARIANTS[variant]
    expected = case["expected"][variant]
    try:
        url = provider.resolve_endpoint(Region=case["region"], UseFIPS=use_fips, UseDualStack=use_dual_stack).url
    except EndpointResolutionError as error:
        assert expected == {"error": error.kwargs["msg"]}
    else:
        assert expected == {"url": url}


@pytest.fixture(scope="module")
def session():
    return botocore.session.get_session()


class _EmptyBody:
    def read(self, *args):
        return b"{}"

    def stream(self, **kwargs):
        yield b"{}"


@pytest.mark.parametrize("case,variant", params(with_disagreements=True))
def test_a_boto3_client_sends_there(session, case, variant):
    expected = case["expected"][variant]
    if "url" not in expected:
        pytest.skip("the rules refuse this variant: nothing is sent")
    use_fips, use_dual_stack = VARIANTS[variant]
    config = Config(use_fips_endpoint=use_fips, use_dualstack_endpoint=use_dual_stack, retries={"max_attempts": 1})
    client = session.create_client(
        "iot", region_name=case["region"], config=config, aws_access_key_id="AKID", aws_secret_access_key="secret"
    )
    sent = []

    def capture(request, **kwargs):
        sent.append(request.url)
        return AWSResponse(request.url, 200, {}, _EmptyBody())

    client.meta.events.register("before-send.iot", capture)
    client.describe_certificate(certificateId="a" * 64)
    assert sent == [f"{expected['url']}/certificates/{'a' * 64}"]
