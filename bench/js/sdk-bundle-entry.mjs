// What a browser app using @aws-sdk/client-iot for this library's calls bundles: the client, the
// ten commands of the workflow (core/src/operation/registry.rs) and the three paginators. Bundled
// by sdk-bundle.mjs (esbuild, minified) for `make bench`'s size comparison.
export {
  IoTClient,
  TransferCertificateCommand,
  AcceptCertificateTransferCommand,
  RejectCertificateTransferCommand,
  CancelCertificateTransferCommand,
  DescribeCertificateCommand,
  UpdateCertificateCommand,
  ListCertificatesCommand,
  ListOutgoingCertificatesCommand,
  ListAttachedPoliciesCommand,
  DetachPolicyCommand,
  paginateListCertificates,
  paginateListOutgoingCertificates,
  paginateListAttachedPolicies,
} from "@aws-sdk/client-iot";
