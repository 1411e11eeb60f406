// Node's `import` entry: the same module instance as `require`, so classes are shared.
import api from "./index.cjs";

export const {
  IoTTransferClient,
  initialize,
  IoTTransferError,
  IoTServiceException,
  InvalidRequestException,
  ResourceNotFoundException,
  CertificateStateException,
  TransferConflictException,
  ThrottlingException,
  UnauthorizedException,
  ServiceUnavailableException,
  InternalFailureException,
  ValidationError,
  TimeoutError,
  TransportError,
  CredentialsError,
  EndpointError,
  InvalidResponseError,
  ConfigurationError,
} = api;
