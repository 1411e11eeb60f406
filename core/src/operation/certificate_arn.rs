//! A certificate given by its ARN, `arn:{partition}:iot:{region}:{account}:cert/{certificateId}`:
//! its shape, checked with the input, and its partition and region, checked against the
//! client's endpoint before anything is signed.

use super::validation::{InputField, ValidationError, ValidationRule};
use crate::endpoint::{is_region_name, Endpoint};

/// The parts of a certificate ARN that are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CertificateArn<'a> {
    /// The partition, such as `aws`.
    pub(crate) partition: &'a str,
    /// The region, such as `eu-west-1`.
    pub(crate) region: &'a str,
    /// The certificate ID (not checked here: the ID's own rules apply to it).
    pub(crate) certificate_id: &'a str,
}

/// `None` for a value that is not an ARN (does not start with `arn:`); else the certificate ARN
/// it is, or the error of an ARN that is not one. Partition and region must be lower-case host
/// labels, as every AWS partition and region name is.
pub(crate) fn parse(value: &str) -> Option<Result<CertificateArn<'_>, ValidationError>> {
    let rest = value.strip_prefix("arn:")?;
    let arn = (|| {
        let (partition, rest) = rest.split_once(':')?;
        let (region, rest) = rest.strip_prefix("iot:")?.split_once(':')?;
        let (_account, resource) = rest.split_once(':')?;
        let certificate_id = resource.strip_prefix("cert/").filter(|id| !id.is_empty())?;
        (is_name(partition) && is_name(region)).then_some(CertificateArn { partition, region, certificate_id })
    })();
    Some(arn.ok_or_else(|| ValidationError::new(InputField::CertificateId, ValidationRule::CertificateArn)))
}

fn is_name(value: &str) -> bool {
    !value.is_empty() && is_region_name(value)
}

/// Checks that a `certificateId` given as an ARN names the partition and region the client
/// signs for: a certificate is managed in its own region, and the same ID can exist in another.
pub(crate) fn check_location(field: InputField, value: &str, endpoint: &Endpoint) -> Result<(), ValidationError> {
    let Some(Ok(arn)) = parse(value) else { return Ok(()) };
    if arn.partition == endpoint.partition && arn.region == endpoint.signing_region {
        return Ok(());
    }
    let rule = ValidationRule::CertificateArnLocation {
        arn_partition: arn.partition.to_owned(),
        arn_region: arn.region.to_owned(),
        client_partition: endpoint.partition.to_owned(),
        client_region: endpoint.signing_region.clone(),
    };
    Err(ValidationError::new(field, rule))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::{resolve_endpoint, EndpointConfig};

    const ID: &str = "a3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2";

    fn endpoint(region: &str, url: Option<&str>) -> Endpoint {
        let config =
            EndpointConfig { region: Some(region.into()), endpoint_url: url.map(Into::into), ..Default::default() };
        resolve_endpoint(&config).unwrap()
    }

    #[test]
    fn parses_certificate_arns_of_every_partition() {
        let arn = format!("arn:aws-iso-b:iot:us-isob-east-1:123456789012:cert/{ID}");
        let parsed = parse(&arn).unwrap().unwrap();
        assert_eq!(parsed, CertificateArn { partition: "aws-iso-b", region: "us-isob-east-1", certificate_id: ID });
        assert_eq!(parse(ID), None);
    }

    #[test]
    fn partition_and_region_must_be_lower_case_names() {
        for arn in [
            format!("arn:AWS:iot:us-east-1:1:cert/{ID}"),
            format!("arn:aws:iot:US-EAST-1:1:cert/{ID}"),
            format!("arn:aws:iot::1:cert/{ID}"),
            format!("arn::iot:us-east-1:1:cert/{ID}"),
            format!("arn:aws:iot:{}:1:cert/{ID}", "a".repeat(64)),
        ] {
            let error = parse(&arn).unwrap().unwrap_err();
            assert_eq!(error.rule(), &ValidationRule::CertificateArn, "{arn}");
        }
    }

    #[test]
    fn an_arn_of_the_clients_partition_and_region_passes() {
        let arn = format!("arn:aws-cn:iot:cn-north-1:123456789012:cert/{ID}");
        assert_eq!(check_location(InputField::CertificateId, &arn, &endpoint("cn-north-1", None)), Ok(()));
        assert_eq!(
            check_location(InputField::CertificateId, &arn, &endpoint("cn-north-1", Some("http://127.0.0.1:4566"))),
            Ok(())
        );
        assert_eq!(check_location(InputField::CertificateId, ID, &endpoint("us-east-1", None)), Ok(()));
    }

    #[test]
    fn another_region_or_partition_is_an_error_naming_both() {
        let table = [
            ("arn:aws:iot:eu-west-1", "us-east-1", "aws", "eu-west-1", "aws", "us-east-1"),
            ("arn:aws-cn:iot:cn-north-1", "cn-northwest-1", "aws-cn", "cn-north-1", "aws-cn", "cn-northwest-1"),
            // The right region with another partition's name is as wrong.
            ("arn:aws:iot:us-gov-west-1", "us-gov-west-1", "aws", "us-gov-west-1", "aws-us-gov", "us-gov-west-1"),
        ];
        for (prefix, client_region, arn_partition, arn_region, client_partition, client_region_named) in table {
            let arn = format!("{prefix}:123456789012:cert/{ID}");
            let error = check_location(InputField::CertificateId, &arn, &endpoint(client_region, None)).unwrap_err();
            assert_eq!(error.field(), InputField::CertificateId);
            let expected = ValidationRule::CertificateArnLocation {
                arn_partition: arn_partition.into(),
                arn_region: arn_region.into(),
                client_partition: client_partition.into(),
                client_region: client_region_named.into(),
            };
            assert_eq!(error.rule(), &expected, "{arn}");
            let text = error.to_string();
            for name in [arn_region, client_region_named, arn_partition, client_partition] {
                assert!(text.contains(name), "{text} does not name {name}");
            }
        }
    }
}
