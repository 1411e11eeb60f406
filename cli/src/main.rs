//! `iot-transfer`: the command-line tool, as cargo builds it. The Python wheel installs the same
//! code as a console script (`iot_transfer.cli`).

fn main() {
    std::process::exit(iot_transfer_cli::run(std::env::args_os()));
}
