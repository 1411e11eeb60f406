//! The `iot-transfer` command line, for the Python wheel's console script: the same code as the
//! binary cargo builds (`iot-transfer-cli`).

/// Runs the `iot-transfer` command line with `args` (without the program name), printing to the
/// process's standard output and error, and returns its exit status.
#[uniffi::export]
pub fn run_cli(args: Vec<String>) -> i32 {
    iot_transfer_cli::run(std::iter::once("iot-transfer".to_owned()).chain(args))
}
