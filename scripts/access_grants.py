"""S3 Access Grants for moto server: moto 5.2.1 has none of these S3 Control operations.

`scripts/moto_server.py` imports this module before the server starts. It adds the operations to
moto's S3 Control service, so they are routed, parsed and serialised by moto from botocore's own
model of the S3 Control API (REST-XML, the account id in `x-amz-account-id`), exactly as the
S3 Control API Reference documents each one; every function below names its page. State is one
Access Grants instance per account and Region (S3 User Guide, "S3 Access Grants limitations":
one instance per Region per account, 1,000 locations and 100,000 grants per instance).

Errors are the ones the S3 API Reference lists for S3 Access Grants ("Error responses", "List of
Amazon S3 Access Grants error codes",
https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#S3AccessGrantsErrorCodeList),
with their HTTP status codes.

Emulated, not modelled: IAM Identity Center (an association records the ARN it is given and
derives the instance and application ARNs from it), the location role's trust and permissions
(GetDataAccess vends fresh random credentials instead of assuming the role), and tags.
"""

import datetime
import re
import secrets
import uuid

from moto.core.responses import ActionResult, EmptyResult
from moto.iam.models import iam_backends
from moto.s3.models import s3_backends
from moto.s3control import urls as _urls
from moto.s3control.exceptions import S3ControlError
from moto.s3control.responses import S3ControlResponse
from moto.sts.models import sts_backends

LOCATIONS_QUOTA = 1_000
GRANTS_QUOTA = 100_000
_PERMISSIONS = ("READ", "WRITE", "READWRITE")
_GRANTEE_TYPES = ("IAM", "DIRECTORY_USER", "DIRECTORY_GROUP")
_ROLE_ARN = re.compile(r"^arn:[a-z\-]+:iam::(\d{12}):role/(?:[^/]+/)*([^/]+)$")
_SCOPE = re.compile(r"^s3://(?:([a-z0-9][a-z0-9.\-]{1,61}[a-z0-9])(?:/(.*))?)?$")


class AccessGrantsError(S3ControlError):
    """An error of the S3 Access Grants error code list, with its HTTP status."""

    def __init__(self, status, code, message):
        super().__init__(code, message)
        self.status = status


def _instance_missing():
    return AccessGrantsError(
        404, "AccessGrantsInstanceNotExistsError", "Access Grants Instance does not exist"
    )


class _Instance:
    def __init__(self, account, region, identity_center):
        self.account = account
        self.region = region
        self.created = datetime.datetime.now(datetime.timezone.utc)
        self.identity_center = None
        self.locations = {}  # id -> dict
        self.grants = {}  # id -> dict
        self.associate(identity_center)

    @property
    def arn(self):
        return f"arn:aws:s3:{self.region}:{self.account}:access-grants/default"

    def associate(self, identity_center):
        self.identity_center = identity_center or None

    def identity_center_fields(self):
        """IdentityCenterArn and the instance and application ARNs derived from it."""
        if not self.identity_center:
            return {}
        instance_id = self.identity_center.rsplit("/", 1)[-1]
        return {
            "IdentityCenterArn": self.identity_center,
            "IdentityCenterInstanceArn": self.identity_center,
            "IdentityCenterApplicationArn": (
                f"arn:aws:sso::{self.account}:application/{instance_id}/apl-lakegate"
            ),
        }

    def describe(self):
        return {
            "AccessGrantsInstanceArn": self.arn,
            "AccessGrantsInstanceId": "default",
            "CreatedAt": self.created,
            **self.identity_center_fields(),
        }


_instances = {}  # (account, region) -> _Instance


def _scope_of_grant(location_scope, sub_prefix):
    """GrantScope: the location's scope with the grant's sub-prefix appended (CreateAccessGrant)."""
    if not sub_prefix:
        return location_scope
    if location_scope == "s3://":
        return "s3://" + sub_prefix
    return location_scope.rstrip("*").rstrip("/") + "/" + sub_prefix


def _covers(scope, target):
    """Whether a grant scope (`s3://b/p*` or `s3://b/p/`-style prefix) covers an S3 target."""
    return target.startswith(scope.rstrip("*"))


def _access_denied(permission, target):
    return AccessGrantsError(
        403,
        "AccessDenied",
        f"You do not have {permission} permissions to the requested S3 Prefix: {target}",
    )


def _operation(fn):
    """Serialise an AccessGrantsError with its own status (moto's default for unknown codes is 400)."""

    def run(self):
        try:
            return fn(self)
        except AccessGrantsError as e:
            status, headers, body = self.serialized(ActionResult(e))
            headers["status"] = e.status
            return e.status, headers, body

    run.__name__ = fn.__name__
    return run


class _AccessGrants:
    """The operations, mixed into moto's S3ControlResponse (which routes by method and path)."""

    def _ag_instance(self, required=True):
        key = (self._get_param("AccountId") or self.current_account, self.region)
        instance = _instances.get(key)
        if instance is None and required:
            raise _instance_missing()
        return instance

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateAccessGrantsInstance.html
    @_operation
    def create_access_grants_instance(self):
        key = (self._get_param("AccountId") or self.current_account, self.region)
        if key in _instances:
            raise AccessGrantsError(
                409, "AccessGrantsInstanceAlreadyExists", "Access Grants Instance already exists"
            )
        _instances[key] = _Instance(key[0], key[1], self._get_param("IdentityCenterArn"))
        return ActionResult(_instances[key].describe())

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetAccessGrantsInstance.html
    @_operation
    def get_access_grants_instance(self):
        return ActionResult(self._ag_instance().describe())

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_ListAccessGrantsInstances.html
    @_operation
    def list_access_grants_instances(self):
        account = self._get_param("AccountId") or self.current_account
        entries = [
            {**i.describe(), "AccessGrantsInstanceId": "default"}
            for (a, _), i in sorted(_instances.items())
            if a == account
        ]
        return ActionResult({"AccessGrantsInstancesList": entries})

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_DeleteAccessGrantsInstance.html
    @_operation
    def delete_access_grants_instance(self):
        instance = self._ag_instance()
        if instance.locations:
            raise AccessGrantsError(
                400,
                "AccessGrantsInstanceNotEmptyError",
                "Please clean up locations before deleting the access grants instance",
            )
        del _instances[(instance.account, instance.region)]
        return EmptyResult()

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_AssociateAccessGrantsIdentityCenter.html
    @_operation
    def associate_access_grants_identity_center(self):
        arn = self._get_param("IdentityCenterArn") or ""
        if not re.match(r"^arn:[^:]+:sso:::instance/(sso)?ins-[a-zA-Z0-9\-.]{10,16}$", arn):
            raise AccessGrantsError(
                400,
                "InvalidIdentityCenterInstance",
                "The specified identity center instance is invalid",
            )
        self._ag_instance().associate(arn)
        return EmptyResult()

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_DissociateAccessGrantsIdentityCenter.html
    @_operation
    def dissociate_access_grants_identity_center(self):
        self._ag_instance().associate(None)
        return EmptyResult()

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetAccessGrantsInstanceForPrefix.html
    @_operation
    def get_access_grants_instance_for_prefix(self):
        instance = self._ag_instance()
        prefix = self._get_param("S3Prefix") or ""
        if not any(_covers(l["LocationScope"], prefix) for l in instance.locations.values()):
            raise _instance_missing()
        return ActionResult(
            {"AccessGrantsInstanceArn": instance.arn, "AccessGrantsInstanceId": "default"}
        )

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateAccessGrantsLocation.html
    @_operation
    def create_access_grants_location(self):
        instance = self._ag_instance()
        scope = self._get_param("LocationScope") or ""
        role = self._get_param("IAMRoleArn") or ""
        m = _SCOPE.match(scope)
        if not m or (m.group(1) and not self._ag_bucket_exists(instance, m.group(1))):
            raise AccessGrantsError(
                400, "InvalidAccessGrantsLocation", "The specified Access Grants Location is invalid"
            )
        self._ag_check_role(instance, role)
        if any(l["LocationScope"] == scope for l in instance.locations.values()):
            raise AccessGrantsError(
                409,
                "AccessGrantsLocationAlreadyExistsError",
                "The specified access grants location already exists",
            )
        if len(instance.locations) >= LOCATIONS_QUOTA:
            raise AccessGrantsError(
                409,
                "AccessGrantsLocationsQuotaExceededError",
                "The access grants location quota has been exceeded. Access Grants Locations "
                f"Quota: {LOCATIONS_QUOTA}. Please reach out to S3 if an increase is required.",
            )
        location_id = "default" if scope == "s3://" else str(uuid.uuid4())
        location = {
            "CreatedAt": datetime.datetime.now(datetime.timezone.utc),
            "AccessGrantsLocationId": location_id,
            "AccessGrantsLocationArn": f"{instance.arn}/location/{location_id}",
            "LocationScope": scope,
            "IAMRoleArn": role,
        }
        instance.locations[location_id] = location
        return ActionResult(location)

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetAccessGrantsLocation.html
    @_operation
    def get_access_grants_location(self):
        return ActionResult(self._ag_location(self._ag_instance()))

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_UpdateAccessGrantsLocation.html
    @_operation
    def update_access_grants_location(self):
        instance = self._ag_instance()
        location = self._ag_location(instance)
        role = self._get_param("IAMRoleArn") or ""
        self._ag_check_role(instance, role)
        location["IAMRoleArn"] = role
        return ActionResult(location)

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_ListAccessGrantsLocations.html
    @_operation
    def list_access_grants_locations(self):
        instance = self._ag_instance()
        scope = self._get_param("LocationScope")
        rows = [
            l
            for l in instance.locations.values()
            if scope is None or l["LocationScope"] == scope
        ]
        return ActionResult(self._ag_page(rows, "AccessGrantsLocationsList"))

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_DeleteAccessGrantsLocation.html
    @_operation
    def delete_access_grants_location(self):
        instance = self._ag_instance()
        location = self._ag_location(instance)
        location_id = location["AccessGrantsLocationId"]
        if any(g["AccessGrantsLocationId"] == location_id for g in instance.grants.values()):
            raise AccessGrantsError(
                400,
                "AccessGrantsLocationNotEmptyError",
                "Please clean up access grants before deleting access grants location",
            )
        del instance.locations[location_id]
        return EmptyResult()

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateAccessGrant.html
    @_operation
    def create_access_grant(self):
        instance = self._ag_instance()
        location = self._ag_location(instance)
        grantee = self._get_param("Grantee") or {}
        permission = self._get_param("Permission") or ""
        sub_prefix = (self._get_param("AccessGrantsLocationConfiguration") or {}).get(
            "S3SubPrefix"
        )
        application = self._get_param("ApplicationArn")
        kind = grantee.get("GranteeType")
        identifier = grantee.get("GranteeIdentifier") or ""
        invalid = permission not in _PERMISSIONS or kind not in _GRANTEE_TYPES or not identifier
        # A sub-prefix stays inside its location: relative, no `..` segment, no empty segment.
        if sub_prefix is not None and (
            sub_prefix.startswith("/")
            or ".." in sub_prefix.split("/")
            or "//" in sub_prefix
            or (location["LocationScope"] == "s3://" and not _SCOPE.match("s3://" + sub_prefix))
        ):
            invalid = True
        if kind == "IAM" and not re.match(r"^arn:[a-z\-]+:(iam|sts)::\d{12}:", identifier):
            invalid = True
        if invalid:
            raise AccessGrantsError(400, "InvalidAccessGrant", "The specified Access Grant is invalid")
        if kind in ("DIRECTORY_USER", "DIRECTORY_GROUP") and not instance.identity_center:
            raise AccessGrantsError(
                400,
                "InvalidIdentityCenterInstance",
                "The specified identity center instance is invalid",
            )
        scope = _scope_of_grant(location["LocationScope"], sub_prefix)
        for g in instance.grants.values():
            if (
                g["GrantScope"] == scope
                and g["Grantee"] == {"GranteeType": kind, "GranteeIdentifier": identifier}
                and g["Permission"] == permission
                and g.get("ApplicationArn") == application
            ):
                raise AccessGrantsError(
                    409, "AccessGrantAlreadyExists", "The specified access grant already exists"
                )
        if len(instance.grants) >= GRANTS_QUOTA:
            raise AccessGrantsError(
                409,
                "AccessGrantsQuotaExceededError",
                "The access grants quota has been exceeded. Access Grants Quota: "
                f"{GRANTS_QUOTA}. Please reach out to S3 if an increase is required.",
            )
        grant_id = str(uuid.uuid4())
        grant = {
            "CreatedAt": datetime.datetime.now(datetime.timezone.utc),
            "AccessGrantId": grant_id,
            "AccessGrantArn": f"{instance.arn}/grant/{grant_id}",
            "Grantee": {"GranteeType": kind, "GranteeIdentifier": identifier},
            "AccessGrantsLocationId": location["AccessGrantsLocationId"],
            "Permission": permission,
            "GrantScope": scope,
        }
        if sub_prefix is not None:
            grant["AccessGrantsLocationConfiguration"] = {"S3SubPrefix": sub_prefix}
        if application:
            grant["ApplicationArn"] = application
        instance.grants[grant_id] = grant
        return ActionResult(grant)

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetAccessGrant.html
    @_operation
    def get_access_grant(self):
        return ActionResult(self._ag_grant(self._ag_instance()))

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_DeleteAccessGrant.html
    @_operation
    def delete_access_grant(self):
        instance = self._ag_instance()
        del instance.grants[self._ag_grant(instance)["AccessGrantId"]]
        return EmptyResult()

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_ListAccessGrants.html
    @_operation
    def list_access_grants(self):
        instance = self._ag_instance()
        filters = {
            "GranteeType": self._get_param("GranteeType"),
            "GranteeIdentifier": self._get_param("GranteeIdentifier"),
            "Permission": self._get_param("Permission"),
            "GrantScope": self._get_param("GrantScope"),
            "ApplicationArn": self._get_param("ApplicationArn"),
        }

        def keep(g):
            values = {
                "GranteeType": g["Grantee"]["GranteeType"],
                "GranteeIdentifier": g["Grantee"]["GranteeIdentifier"],
                "Permission": g["Permission"],
                "GrantScope": g["GrantScope"],
                "ApplicationArn": g.get("ApplicationArn"),
            }
            return all(v is None or values[k] == v for k, v in filters.items())

        rows = [g for g in instance.grants.values() if keep(g)]
        return ActionResult(self._ag_page(rows, "AccessGrantsList"))

    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetDataAccess.html
    @_operation
    def get_data_access(self):
        instance = self._ag_instance()
        target = self._get_param("Target") or ""
        permission = self._get_param("Permission") or ""
        duration = int(self._get_param("DurationSeconds") or 3600)
        caller = self._ag_caller_arn()
        allowed = {"READ": ("READ", "READWRITE"), "WRITE": ("WRITE", "READWRITE")}.get(
            permission, (permission,)
        )
        matches = [
            g
            for g in instance.grants.values()
            if g["Grantee"] == {"GranteeType": "IAM", "GranteeIdentifier": caller}
            and g["Permission"] in allowed
            and _covers(g["GrantScope"], target)
        ]
        if not matches:
            raise _access_denied(permission, target)
        # The most specific grant: the longest scope that covers the target.
        grant = max(matches, key=lambda g: len(g["GrantScope"].rstrip("*")))
        expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(
            seconds=duration
        )
        return ActionResult(
            {
                "Credentials": {
                    "AccessKeyId": "ASIA" + secrets.token_hex(8).upper(),
                    "SecretAccessKey": secrets.token_urlsafe(30),
                    "SessionToken": secrets.token_urlsafe(60),
                    "Expiration": expires,
                },
                "MatchedGrantTarget": grant["GrantScope"],
                "Grantee": grant["Grantee"],
            }
        )

    # Helpers (not operations).

    def _ag_location(self, instance):
        location_id = self._get_param("AccessGrantsLocationId")
        location = instance.locations.get(location_id)
        if location is None:
            raise AccessGrantsError(
                404,
                "NoSuchAccessGrantsLocationError",
                "The specified access grants location does not exist",
            )
        return location

    def _ag_grant(self, instance):
        grant = instance.grants.get(self._get_param("AccessGrantId"))
        if grant is None:
            raise AccessGrantsError(
                404, "NoSuchAccessGrantError", "The specified access grant does not exist"
            )
        return grant

    def _ag_bucket_exists(self, instance, bucket):
        # Bucket names are global: the bucket may belong to any account the server knows.
        for account in list(s3_backends.keys()):
            try:
                s3_backends[account]["aws"].get_bucket(bucket)
                return True
            except Exception:
                pass
        return False

    def _ag_check_role(self, instance, role):
        m = _ROLE_ARN.match(role)
        if m:
            try:
                iam_backends[m.group(1)]["aws"].get_role_by_arn(role)
                return
            except Exception:
                pass
        raise AccessGrantsError(400, "InvalidIamRole", "The specified IAM Role is invalid")

    def _ag_caller_arn(self):
        """The caller as a grantee is named: an assumed role's session is its role's ARN."""
        sts = sts_backends[self.current_account]["global"]
        _, arn, account = sts.get_caller_identity(self.get_access_key(), self.region)
        m = re.match(r"^arn:([a-z\-]+):sts::(\d{12}):assumed-role/([^/]+)/", arn)
        if m:
            try:
                role = iam_backends[m.group(2)]["aws"].get_role(m.group(3))
                return role.arn
            except Exception:
                return f"arn:{m.group(1)}:iam::{m.group(2)}:role/{m.group(3)}"
        return arn

    def _ag_page(self, rows, key):
        """One page of `rows` (MaxResults, default 1,000; NextToken is the next row's index)."""
        start = int(self._get_param("NextToken") or 0)
        size = int(self._get_param("MaxResults") or 1000)
        page = {key: rows[start : start + size]}
        if start + size < len(rows):
            page["NextToken"] = str(start + size)
        return page


def install():
    """Add the operations and their paths to moto's S3 Control service."""
    # `POST /moto-api/reset` resets every moto backend; the instances here go with them, so a
    # reset server has no Access Grants either.
    from moto.moto_api._internal.models import MotoAPIBackend

    if not getattr(MotoAPIBackend.reset, "_access_grants", False):
        original_reset = MotoAPIBackend.reset

        def reset(self):
            _instances.clear()
            original_reset(self)

        reset._access_grants = True
        MotoAPIBackend.reset = reset
    for name, member in vars(_AccessGrants).items():
        if callable(member) and not name.startswith("__"):
            setattr(S3ControlResponse, name, member)
    for path in (
        "/v20180820/accessgrantsinstance",
        "/v20180820/accessgrantsinstances",
        "/v20180820/accessgrantsinstance/identitycenter",
        "/v20180820/accessgrantsinstance/prefix",
        "/v20180820/accessgrantsinstance/location",
        "/v20180820/accessgrantsinstance/location/<location_id>",
        "/v20180820/accessgrantsinstance/locations",
        "/v20180820/accessgrantsinstance/grant",
        "/v20180820/accessgrantsinstance/grant/<grant_id>",
        "/v20180820/accessgrantsinstance/grants",
        "/v20180820/accessgrantsinstance/dataaccess",
    ):
        _urls.url_paths[path] = S3ControlResponse.dispatch
    # IAM policies name the instance and what is below it by regional S3 ARNs
    # (arn:PARTITION:s3:REGION:ACCOUNT:access-grants/default, .../location/ID, .../grant/ID: the
    # resource types accessgrantsinstance, accessgrantslocation and accessgrant of the Service
    # Authorization Reference, "Actions, resources, and condition keys for Amazon S3",
    # https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html).
    # moto's policy validator allows region information in S3 ARNs only for access points.
    from moto.iam import policy_validation

    regional = policy_validation.SERVICE_TYPE_REGION_INFORMATION_ERROR_ASSOCIATIONS["s3"]
    starts = regional.setdefault("valid_starting_values", [])
    if "access-grants/" not in starts:
        starts.append("access-grants/")
