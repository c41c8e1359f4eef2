"""Start moto server for lakegate's tests and demo, with one fix applied in process.

moto serialises every rest-xml response under an `<OperationResponse>` root element. For S3 Control
the AWS API (and the AWS SDK for Rust, which checks it strictly) uses the output shape's name,
e.g. `<ListAccessPointsResult>`; botocore does not check the root, which is why moto's own tests
pass. This wrapper uses the shape name for S3 Control responses and changes nothing else.

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

if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
