//! Command-line flags. The config file (`--config`) is read first, whatever its position; the
//! other flags then apply in order over it.

use crate::accounts::Account;
use crate::config::Config;
use crate::faults::ScriptedFault;
use crate::rate_limit::RateLimit;
use std::path::PathBuf;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start the emulator with this configuration.
    Run(Box<Config>),
    /// Print the usage text.
    Help,
}

/// The usage text.
pub const USAGE: &str = "\
iot-emulator: a local AWS IoT control-plane endpoint (certificates, policies, transfers)

USAGE: iot-emulator [FLAGS]

The first line on standard output is the URL listened on (e.g. http://127.0.0.1:8180). The
same URL serves the credential services: STS (POST /), SSO (/federation/credentials), IMDSv2
(/latest/) and container credentials (/v2/credentials/ACCOUNT); see README.md.

  --config FILE                 JSON config file (see README.md), read before the other flags
  --host IP                     address to listen on (default 127.0.0.1)
  --port N                      port to listen on (default 8180; 0 picks a free port)
  --account ID:KEY:SECRET       an account and its access key; repeat for several; replaces the
                                default accounts (111122223333 AKIAEMULATORSOURCE
                                emulator-source-secret, 444455556666 AKIAEMULATORTARGET
                                emulator-target-secret)
  --state-file PATH             load the state from PATH and save it there after every change
  --seed-demo                   create demo certificates in the first account and print their IDs
  --log-requests                print one line per request on standard error
  --rate-limit N[:BURST]        each account may make N IoT calls per second (fractions allowed),
                                BURST at once (default N rounded up); over it: ThrottlingException
Fault injection (see also POST /_emulator/faults):
  --fault-seed N                seed of the random faults (same seed, same faults)
  --throttle-rate P             probability of ThrottlingException (400) per call
  --service-unavailable-rate P  probability of ServiceUnavailableException (503)
  --internal-failure-rate P     probability of InternalFailureException (500)
  --drop-connection-rate P      probability of closing the connection without running the call
  --drop-response-rate P        probability of running the call, then closing without answering
  --slow-rate P                 probability of running the call, then answering --slow-ms late
  --slow-ms N                   how late a slow answer is (ms)
  --max-faults N                at most N random faults (from the rates) in all
  --fault-window-ms N           random faults only in the first N ms
  --fault-operations A,B        operations the rates and --latency-ms apply to (default all)
  --latency-ms N                wait N ms before every answer
  --clock-skew-seconds N        the service clock is N s ahead (negative: behind) of real time
  --fault OP:KIND[:TIMES[:MS]]  script: the next TIMES (default 1) calls of OP (or *) get KIND:
                                throttle, serviceUnavailable, internalFailure, dropConnection,
                                dropResponse, latency (waits MS), slow (answers MS late) or
                                accessDenied;
                                repeat for several
  --help                        this text
";

/// Parses the flags (without the program name).
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let flags = split_flags(args)?;
    let mut config = Config::default();
    for (name, value) in &flags {
        if name == "--config" {
            config.apply_file(&PathBuf::from(value.as_deref().unwrap_or_default()))?;
        }
    }
    let mut accounts_from_flags = Vec::new();
    for (name, value) in flags {
        let text = value.unwrap_or_default();
        let faults = &mut config.faults;
        match name.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--config" => {}
            "--host" => config.host = text.parse().map_err(|_| format!("--host wants an IP address, got {text:?}"))?,
            "--port" => config.port = number(&name, &text)?,
            "--account" => accounts_from_flags.push(Account::parse_flag(&text)?),
            "--state-file" => config.state_file = Some(PathBuf::from(text)),
            "--seed-demo" => config.seed_demo = true,
            "--log-requests" => config.log_requests = true,
            "--rate-limit" => config.rate_limit = Some(RateLimit::parse_flag(&text)?),
            "--fault-seed" => faults.seed = Some(number(&name, &text)?),
            "--throttle-rate" => faults.throttle_rate = number(&name, &text)?,
            "--service-unavailable-rate" => faults.service_unavailable_rate = number(&name, &text)?,
            "--internal-failure-rate" => faults.internal_failure_rate = number(&name, &text)?,
            "--drop-connection-rate" => faults.drop_connection_rate = number(&name, &text)?,
            "--drop-response-rate" => faults.drop_response_rate = number(&name, &text)?,
            "--slow-rate" => faults.slow_rate = number(&name, &text)?,
            "--slow-ms" => faults.slow_ms = number(&name, &text)?,
            "--max-faults" => faults.max_faults = Some(number(&name, &text)?),
            "--fault-window-ms" => faults.window_ms = Some(number(&name, &text)?),
            "--fault-operations" => faults.operations = text.split(',').map(str::to_owned).collect(),
            "--latency-ms" => faults.latency_ms = number(&name, &text)?,
            "--clock-skew-seconds" => faults.clock_skew_seconds = number(&name, &text)?,
            "--fault" => faults.script.push(ScriptedFault::parse_flag(&text)?),
            _ => return Err(format!("unknown flag {name} (see --help)")),
        }
    }
    if !accounts_from_flags.is_empty() {
        config.accounts = accounts_from_flags;
    }
    config.faults.validate()?;
    if let Some(limit) = &config.rate_limit {
        limit.validate().map_err(|message| format!("rateLimit: {message}"))?;
    }
    Ok(Command::Run(Box::new(config)))
}

const SWITCHES: &[&str] = &["--help", "-h", "--seed-demo", "--log-requests"];

/// Pairs each flag with its value (`--flag value` or `--flag=value`; switches have none).
fn split_flags(args: impl IntoIterator<Item = String>) -> Result<Vec<(String, Option<String>)>, String> {
    let mut args = args.into_iter();
    let mut flags = Vec::new();
    while let Some(arg) = args.next() {
        if let Some((name, value)) = arg.split_once('=').filter(|(name, _)| name.starts_with("--")) {
            flags.push((name.to_owned(), Some(value.to_owned())));
        } else if SWITCHES.contains(&arg.as_str()) {
            flags.push((arg, None));
        } else if arg.starts_with('-') {
            let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
            flags.push((arg, Some(value)));
        } else {
            return Err(format!("unexpected argument {arg:?} (see --help)"));
        }
    }
    Ok(flags)
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("{flag} wants a number, got {text:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faults::FaultKind;

    fn parse(args: &[&str]) -> Result<Config, String> {
        match parse_args(args.iter().map(|arg| (*arg).to_owned()))? {
            Command::Run(config) => Ok(*config),
            Command::Help => Err("help".into()),
        }
    }

    #[test]
    fn reads_flags_in_both_forms() {
        let config = parse(&[
            "--port=0",
            "--host",
            "0.0.0.0",
            "--seed-demo",
            "--fault",
            "TransferCertificate:throttle:2",
            "--throttle-rate",
            "0.25",
            "--fault-seed",
            "9",
            "--clock-skew-seconds=-1200",
            "--slow-rate=0.1",
            "--slow-ms",
            "1500",
            "--max-faults",
            "40",
            "--fault-window-ms=60000",
        ])
        .unwrap();
        assert_eq!(config.port, 0);
        assert_eq!(config.host.to_string(), "0.0.0.0");
        assert!(config.seed_demo);
        assert_eq!(config.faults.script[0].fault, FaultKind::Throttle);
        assert_eq!(config.faults.throttle_rate, 0.25);
        assert_eq!(config.faults.seed, Some(9));
        assert_eq!(config.faults.clock_skew_seconds, -1200);
        assert_eq!((config.faults.slow_rate, config.faults.slow_ms), (0.1, 1500));
        assert_eq!((config.faults.max_faults, config.faults.window_ms), (Some(40), Some(60_000)));
        assert_eq!(config.accounts.len(), 2);
    }

    #[test]
    fn reads_the_rate_limit() {
        assert_eq!(parse(&["--rate-limit", "10"]).unwrap().rate_limit, Some(RateLimit::per_second(10.0)));
        let limit = parse(&["--rate-limit=2.5:7"]).unwrap().rate_limit.unwrap();
        assert_eq!((limit.requests_per_second, limit.burst), (2.5, Some(7)));
        assert_eq!(parse(&[]).unwrap().rate_limit, None);
        assert!(parse(&["--rate-limit", "0"]).is_err());
        assert!(parse(&["--rate-limit", "10:0"]).is_err());
    }

    #[test]
    fn account_flags_replace_the_defaults() {
        let config = parse(&["--account", "777788889999:AKIAX:s"]).unwrap();
        assert_eq!(config.accounts, [Account::new("777788889999", "AKIAX", "s")]);
    }

    #[test]
    fn refuses_nonsense() {
        assert!(parse(&["--port", "x"]).is_err());
        assert!(parse(&["--frobnicate", "1"]).is_err());
        assert!(parse(&["--throttle-rate", "2"]).is_err());
        assert!(parse(&["--port"]).is_err());
        assert_eq!(parse(&["--help"]).unwrap_err(), "help");
    }
}
