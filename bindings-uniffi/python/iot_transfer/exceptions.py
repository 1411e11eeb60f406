"""The face's exceptions, catchable by the names boto3 users know: ``ResourceNotFoundException``,
``CertificateStateException``, ... (a class per error kind the core declares, made from the
core's declarations, so a kind added there is a class here), ``ClientError`` over every error the
service returned, botocore's ``ParamValidationError`` for input refused before anything is sent,
and ``TransportError``, ``TimeoutError``, ``CredentialsError``, ... for the rest.

Every class derives from ``IotTransferError``, the generated uniffi error (so ``except
IotTransferError.CertificateState`` also catches ``CertificateStateException``), and reads the
core's record of the error, ``details``, field by field: ``kind``, ``code``, ``message``, ``fault``,
``http_status``, ``request_id``, ``attempts``, ``total_retry_delay``, ``retryable``, ``throttling``,
``possibly_applied``, ``reconciled``, ``hint``, and the face's ``operation_name``. A client's
``exceptions`` attribute holds the same classes.
"""

from ._errors import CLASSES as _CLASSES
from ._errors import ClientError as ClientError
from ._errors import ClientExceptions as ClientExceptions
from ._errors import IotTransferError as IotTransferError

globals().update(_CLASSES)
