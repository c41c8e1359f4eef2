"""Start moto server for lakegate's tests and demo, with one fix applied in process.

moto serialises every rest-xml response under an `<OperationResponse>` root element. For S3 Control
the AWS API (and the AWS SDK for Rust, which checks it strictly) uses the output shape's name,
e.g. `<ListAccessPointsResult>`; botocore does not check the root, which is why moto's own tests
pass. This wrapper uses the shape name for S3 Control responses.

moto's Athena records `CREATE DATABASE` but no table DDL, and has no GetTableMetadata. This
wrapper keeps the tables that `CREATE EXTERNAL TABLE`, `ALTER TABLE … SET TBLPROPERTIES` and
`DROP TABLE` statements describe (as Athena does in the Glue Data Catalog) and answers
GetTableMetadata from them, in the shape of the Athena API reference
(https://docs.aws.amazon.com/athena/latest/APIReference/API_GetTableMetadata.html,
API_TableMetadata.html): Name, TableType, Columns, PartitionKeys, Parameters (the table
properties plus `location`). Missing: MetadataException, as Athena answers.

moto's STS AssumeRole succeeds for any role, existing or not. In an account created through
Organizations CreateAccount (an organization's member account, which only tests that build an
organization make), this wrapper refuses, as AWS does, to assume a role that does not exist there
(AccessDenied, "is not authorized to perform: sts:AssumeRole"), except
OrganizationAccountAccessRole, which CreateAccount creates in every new account. Accounts of no
organization are unaffected.

S3 conditional writes (PutObject and DeleteObject with If-Match / If-None-Match) are atomic in
S3: of concurrent conditional writes to one key, one succeeds and the others fail with 412 (S3 User
Guide, "How to prevent object overwrites with conditional writes",
https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html). moto checks the
precondition and then writes, with other request threads running in between, so two writers could
both "win", and a lease be taken twice. This wrapper makes each conditional write one step under a
lock.

S3 Access Grants, which moto lacks, come from `scripts/access_grants.py` (see that file).

Usage: python3 scripts/moto_server.py [moto_server arguments, e.g. -H 127.0.0.1 -p 5000]
"""

import sys

from moto.core import serialize

_original = serialize.BaseXMLSerializer._serialized_result_to_response


def _result_to_response(self, resp, result, shape, serialized_result):
    service = getattr(self.operation_model.service_model, "service_name", "")
    if (
        service == "s3control"
        and shape is not None
        and "payload" not in shape.serialization
        and "resultWrapper" not in shape.serialization
    ):
        wrapper = {shape.name: serialized_result}
        self._serialize_namespace_attribute(wrapper[shape.name])
        resp["body"] = self._serialize_body(wrapper)
        resp["headers"]["Content-Type"] = self.CONTENT_TYPE
        return resp
    return _original(self, resp, result, shape, serialized_result)


serialize.BaseXMLSerializer._serialized_result_to_response = _result_to_response

import json
import re

from moto.athena import models as _athena_models
from moto.athena import responses as _athena_responses

_TABLE = r"`?([A-Za-z0-9_]+)`?\.`?([A-Za-z0-9_]+)`?"
_CREATE_TABLE = re.compile(
    r"^\s*CREATE\s+EXTERNAL\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?" + _TABLE + r"\s*\((.*?)\)\s*"
    r"(?:PARTITIONED\s+BY\s*\((.*?)\))?.*?LOCATION\s+'([^']*)'"
    r"(?:.*?TBLPROPERTIES\s*\((.*)\))?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_ALTER_PROPS = re.compile(
    r"^\s*ALTER\s+TABLE\s+" + _TABLE + r"\s+SET\s+TBLPROPERTIES\s*\((.*)\)\s*$",
    re.IGNORECASE | re.DOTALL,
)
_DROP_TABLE = re.compile(
    r"^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?" + _TABLE, re.IGNORECASE
)
_PAIR = re.compile(r"'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'")
_COLUMN = re.compile(r"`?([A-Za-z0-9_]+)`?\s+([A-Za-z0-9_<>()]+)")


def _pairs(text):
    return {k.replace("''", "'"): v.replace("''", "'") for k, v in _PAIR.findall(text or "")}


def _columns(text):
    return [{"Name": n.lower(), "Type": t.lower()} for n, t in _COLUMN.findall(text or "")]


_original_ddl = _athena_models.AthenaBackend._process_ddl


def _process_ddl(self, query, context):
    tables = self.__dict__.setdefault("lakegate_tables", {})
    m = _CREATE_TABLE.match(query)
    if m:
        key = (m.group(2).lower(), m.group(3).lower())
        if key not in tables or not m.group(1):
            params = _pairs(m.group(7))
            params["location"] = m.group(6)
            tables[key] = {
                "Name": key[1],
                "TableType": "EXTERNAL_TABLE",
                "Columns": _columns(m.group(4)),
                "PartitionKeys": _columns(m.group(5)),
                "Parameters": params,
            }
        return
    m = _ALTER_PROPS.match(query)
    if m:
        key = (m.group(1).lower(), m.group(2).lower())
        if key in tables:
            tables[key]["Parameters"].update(_pairs(m.group(3)))
        return
    m = _DROP_TABLE.match(query)
    if m:
        tables.pop((m.group(1).lower(), m.group(2).lower()), None)
        return
    _original_ddl(self, query, context)


def _get_table_metadata(self):
    db = (self._get_param("DatabaseName") or "").lower()
    name = (self._get_param("TableName") or "").lower()
    table = self.athena_backend.__dict__.get("lakegate_tables", {}).get((db, name))
    if table is None:
        body = {
            "__type": "MetadataException",
            "Message": f"Table {name} not found in database {db}",
        }
        return 400, {"x-amzn-errortype": "MetadataException"}, json.dumps(body)
    return json.dumps({"TableMetadata": table})


from moto.iam.models import iam_backends as _iam_backends
from moto.organizations.models import organizations_backends as _org_backends
from moto.sts import models as _sts_models
from moto.sts.exceptions import STSClientError

_original_assume = _sts_models.STSBackend.assume_role


def _assume_role(self, region_name, role_session_name, role_arn, *args, **kwargs):
    m = re.match(r"arn:[^:]+:iam::([0-9]{12}):role/(?:.*/)?([^/]+)$", role_arn or "")
    if m and m.group(1) in _org_backends.master_accounts:
        account, name = m.group(1), m.group(2)
        if name != "OrganizationAccountAccessRole":
            try:
                _iam_backends[account]["aws"].get_role_by_arn(role_arn)
            except Exception:
                raise STSClientError(
                    "AccessDenied",
                    f"User: arn:aws:sts::{self.account_id}:assumed-role/caller is not authorized "
                    f"to perform: sts:AssumeRole on resource: {role_arn}",
                )
    return _original_assume(self, region_name, role_session_name, role_arn, *args, **kwargs)


_sts_models.STSBackend.assume_role = _assume_role
_athena_models.AthenaBackend._process_ddl = _process_ddl
_athena_responses.AthenaResponse.get_table_metadata = _get_table_metadata

import threading

from moto.s3 import responses as _s3_responses

_conditional_write = threading.Lock()


def _atomic_when_conditional(original):
    def write(self, *args, **kwargs):
        if self.headers.get("If-Match") or self.headers.get("If-None-Match"):
            with _conditional_write:
                return original(self, *args, **kwargs)
        return original(self, *args, **kwargs)

    return write


for _name in ("put_object", "delete_object"):
    setattr(
        _s3_responses.S3Response,
        _name,
        _atomic_when_conditional(getattr(_s3_responses.S3Response, _name)),
    )

import access_grants  # noqa: E402  (beside this file)

access_grants.install()

if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
