"""botocore's own credential providers against the emulator's stand-ins: each test lets boto3
resolve credentials from one source (IMDS, container endpoint, assume-role profile, web identity,
SSO legacy and sso-session profiles), then makes a real IoT call with them; the certificate ARN
it gets back names the account the emulator authenticated, and the emulator's records show
which issued credentials signed the call."""

import datetime
import hashlib
import json

import boto3
import pytest
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError
from botocore.utils import InstanceMetadataRegionFetcher

SOURCE = {"account_id": "111122223333", "key": "AKIAEMULATORSOURCE", "secret": "emulator-source-secret"}
TARGET_ACCOUNT = "444455556666"
TEST_SSO_TOKEN = "emulator-sso-access-token"
TEST_WEB_IDENTITY_TOKEN = "emulator-web-identity-token"
START_URL = "https://emulator.awsapps.com/start"


def write_config(home, text):
    config = home / ".aws" / "config"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text)


def write_sso_cache(home, cache_key_source, access_token):
    """What `aws sso login` leaves: ~/.aws/sso/cache/<sha1 of start URL or session name>.json."""
    cache = home / ".aws" / "sso" / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)
    token = {
        "startUrl": START_URL,
        "region": "us-east-1",
        "accessToken": access_token,
        "expiresAt": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    (cache / (hashlib.sha1(cache_key_source.encode()).hexdigest() + ".json")).write_text(json.dumps(token))


def iot_call_account(session, emulator):
    """Makes a real IoT call with the session's credentials; returns the account in the ARN."""
    iot = session.client("iot", endpoint_url=emulator.url, region_name=session.region_name or "us-east-1")
    arn = iot.create_keys_and_certificate(setAsActive=False)["certificateArn"]
    return arn.split(":")[4]


def check_issued(session, emulator, source, account_id, uses=1):
    """The session's credentials are ones the emulator issued from `source` for `account_id`."""
    credentials = session.get_credentials().get_frozen_credentials()
    assert credentials.access_key.startswith("ASIA") and credentials.token
    record = emulator.issued(credentials.access_key)
    assert record is not None, "botocore used credentials the emulator never issued"
    assert (record["source"], record["accountId"], record["uses"]) == (source, account_id, uses)
    return record


def test_imds(fresh, monkeypatch):
    fresh.admin("POST", "credential-settings", {"instanceAccountId": TARGET_ACCOUNT, "region": "eu-central-1"})
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", fresh.url + "/")
    session = boto3.Session(region_name="us-east-1")
    assert session.get_credentials().method == "iam-role"
    assert iot_call_account(session, fresh) == TARGET_ACCOUNT
    assert iot_call_account(session, fresh) == TARGET_ACCOUNT
    check_issued(session, fresh, "imds", TARGET_ACCOUNT, uses=2)
    counts = fresh.admin("GET", "credential-requests")
    assert counts["imds:credentials"] == 1, counts  # two IoT calls, one fetch
    assert counts["imds:roleName"] == 1 and counts["imds:token"] >= 1, counts


def test_imds_region(fresh, monkeypatch):
    # botocore's own region fetcher (used for smart defaults) reads placement/availability-zone/.
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    fresh.admin("POST", "credential-settings", {"region": "eu-central-1"})
    fetcher = InstanceMetadataRegionFetcher(config={"ec2_metadata_service_endpoint": fresh.url + "/"})
    assert fetcher.retrieve_region() == "eu-central-1"


def test_container_endpoint(fresh, monkeypatch):
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{fresh.url}/v2/credentials/{TARGET_ACCOUNT}")
    monkeypatch.setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "emulator-container-token")
    session = boto3.Session(region_name="us-east-1")
    assert session.get_credentials().method == "container-role"
    assert iot_call_account(session, fresh) == TARGET_ACCOUNT
    check_issued(session, fresh, "container", TARGET_ACCOUNT)
    assert fresh.admin("GET", "credential-requests")["container:credentials"] == 1


@pytest.mark.parametrize("endpoint_from", ["environment", "services-section"])
def test_assume_role_profile(fresh, monkeypatch, tmp_path, endpoint_from):
    services = ""
    if endpoint_from == "environment":
        monkeypatch.setenv("AWS_ENDPOINT_URL_STS", fresh.url)
    else:
        services = f"services = emulator\n\n[services emulator]\nsts =\n  endpoint_url = {fresh.url}\n"
    write_config(
        tmp_path,
        f"[profile base]\naws_access_key_id = {SOURCE['key']}\naws_secret_access_key = {SOURCE['secret']}\n\n"
        f"[profile deployer]\nrole_arn = arn:aws:iam::{TARGET_ACCOUNT}:role/deployer\nsource_profile = base\n"
        f"role_session_name = boto3-check\nregion = us-east-1\n{services}",
    )
    session = boto3.Session(profile_name="deployer")
    assert session.get_credentials().method == "assume-role"
    assert iot_call_account(session, fresh) == TARGET_ACCOUNT
    record = check_issued(session, fresh, "assumeRole", TARGET_ACCOUNT)
    assert record["arn"] == f"arn:aws:sts::{TARGET_ACCOUNT}:assumed-role/deployer/boto3-check"
    identity = session.client("sts", endpoint_url=fresh.url).get_caller_identity()
    assert (identity["Account"], identity["Arn"]) == (TARGET_ACCOUNT, record["arn"])


def test_assume_role_refusals_parse_as_sts_errors(fresh):
    sts = boto3.client(
        "sts", endpoint_url=fresh.url, region_name="us-east-1",
        aws_access_key_id=SOURCE["key"], aws_secret_access_key=SOURCE["secret"],
    )
    with pytest.raises(ClientError) as raised:
        sts.assume_role(RoleArn="arn:aws:iam::999999999999:role/deployer", RoleSessionName="nope")
    error = raised.value.response
    assert (error["Error"]["Code"], error["Error"]["Type"], error["ResponseMetadata"]["HTTPStatusCode"]) == (
        "AccessDenied", "Sender", 403)
    assert error["ResponseMetadata"]["RequestId"]
    impostor = boto3.client(
        "sts", endpoint_url=fresh.url, region_name="us-east-1",
        aws_access_key_id=SOURCE["key"], aws_secret_access_key="guessed",
    )
    with pytest.raises(ClientError) as raised:
        impostor.assume_role(RoleArn=f"arn:aws:iam::{TARGET_ACCOUNT}:role/deployer", RoleSessionName="nope")
    assert raised.value.response["Error"]["Code"] == "SignatureDoesNotMatch"


@pytest.mark.parametrize("token_from", ["fixed", "issued"])
def test_web_identity(fresh, monkeypatch, tmp_path, token_from):
    token = TEST_WEB_IDENTITY_TOKEN
    if token_from == "issued":
        token = fresh.admin("POST", "web-identity-tokens")["token"]
    token_file = tmp_path / "token"
    token_file.write_text(token)
    monkeypatch.setenv("AWS_WEB_IDENTITY_TOKEN_FILE", str(token_file))
    monkeypatch.setenv("AWS_ROLE_ARN", f"arn:aws:iam::{TARGET_ACCOUNT}:role/web")
    monkeypatch.setenv("AWS_ROLE_SESSION_NAME", "boto3-web")
    monkeypatch.setenv("AWS_ENDPOINT_URL_STS", fresh.url)
    session = boto3.Session(region_name="us-east-1")
    assert session.get_credentials().method == "assume-role-with-web-identity"
    assert iot_call_account(session, fresh) == TARGET_ACCOUNT
    check_issued(session, fresh, "assumeRoleWithWebIdentity", TARGET_ACCOUNT)


def test_web_identity_refusal_parses(fresh):
    sts = boto3.client("sts", endpoint_url=fresh.url, region_name="us-east-1", config=Config(signature_version=UNSIGNED))
    with pytest.raises(sts.exceptions.InvalidIdentityTokenException) as raised:
        sts.assume_role_with_web_identity(
            RoleArn=f"arn:aws:iam::{TARGET_ACCOUNT}:role/web", RoleSessionName="s1", WebIdentityToken="forged"
        )
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    with pytest.raises(sts.exceptions.ExpiredTokenException):
        sts.assume_role_with_web_identity(
            RoleArn=f"arn:aws:iam::{TARGET_ACCOUNT}:role/web", RoleSessionName="s1",
            WebIdentityToken="emulator-expired-web-identity-token",
        )
    answer = sts.assume_role_with_web_identity(
        RoleArn=f"arn:aws:iam::{TARGET_ACCOUNT}:role/web", RoleSessionName="s1", WebIdentityToken=TEST_WEB_IDENTITY_TOKEN
    )
    assert answer["SubjectFromWebIdentityToken"] and answer["Provider"] and answer["Audience"]
    assert answer["Credentials"]["Expiration"] > datetime.datetime.now(datetime.timezone.utc)


def test_sso_legacy_profile(fresh, monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_ENDPOINT_URL_SSO", fresh.url)
    write_config(
        tmp_path,
        f"[profile sso-legacy]\nsso_start_url = {START_URL}\nsso_region = us-east-1\n"
        f"sso_account_id = {TARGET_ACCOUNT}\nsso_role_name = Admin\nregion = us-east-1\n",
    )
    write_sso_cache(tmp_path, START_URL, TEST_SSO_TOKEN)
    session = boto3.Session(profile_name="sso-legacy")
    assert session.get_credentials().method == "sso"
    assert iot_call_account(session, fresh) == TARGET_ACCOUNT
    assert iot_call_account(session, fresh) == TARGET_ACCOUNT
    record = check_issued(session, fresh, "sso", TARGET_ACCOUNT, uses=2)
    assert record["roleArn"].startswith(f"arn:aws:iam::{TARGET_ACCOUNT}:role/AWSReservedSSO_Admin_")
    assert fresh.admin("GET", "credential-requests")["sso:GetRoleCredentials"] == 1


def test_sso_session_profile(fresh, monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_ENDPOINT_URL_SSO", fresh.url)
    token = fresh.admin("POST", "sso-tokens")["accessToken"]
    write_config(
        tmp_path,
        f"[profile sso-new]\nsso_session = emulator\nsso_account_id = {SOURCE['account_id']}\n"
        f"sso_role_name = ReadOnly\nregion = us-east-1\n\n"
        f"[sso-session emulator]\nsso_start_url = {START_URL}\nsso_region = us-east-1\n"
        f"sso_registration_scopes = sso:account:access\n",
    )
    write_sso_cache(tmp_path, "emulator", token)
    session = boto3.Session(profile_name="sso-new")
    assert iot_call_account(session, fresh) == SOURCE["account_id"]
    check_issued(session, fresh, "sso", SOURCE["account_id"])


def test_sso_refusal_parses(fresh):
    sso = boto3.client("sso", endpoint_url=fresh.url, region_name="us-east-1", config=Config(signature_version=UNSIGNED))
    with pytest.raises(sso.exceptions.UnauthorizedException) as raised:
        sso.get_role_credentials(roleName="Admin", accountId=TARGET_ACCOUNT, accessToken="forged")
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 401
    answer = sso.get_role_credentials(roleName="Admin", accountId=TARGET_ACCOUNT, accessToken=TEST_SSO_TOKEN)
    expiration_ms = answer["roleCredentials"]["expiration"]
    now_ms = datetime.datetime.now(datetime.timezone.utc).timestamp() * 1000
    assert 0 < expiration_ms - now_ms <= 3600 * 1000 + 60_000
