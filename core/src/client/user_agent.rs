//! The user agent: this library, its version and the runtime it runs on.

/// `iot-transfer/0.1.0 lang/rust os/linux arch/x86_64`, then the host's `app_name`, if any.
pub(crate) fn user_agent(app_name: Option<&str>) -> String {
    let mut agent = format!(
        "{}/{} lang/rust os/{} arch/{}",
        env!("CARGO_PKG_NAME"),
        env!("CARGO_PKG_VERSION"),
        non_empty(std::env::consts::OS),
        non_empty(std::env::consts::ARCH),
    );
    if let Some(name) = app_name.filter(|n| !n.is_empty()) {
        agent.push(' ');
        agent.push_str(name);
    }
    agent
}

/// `wasm32-unknown-unknown` has no OS name.
fn non_empty(value: &str) -> &str {
    if value.is_empty() {
        "unknown"
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_library_version_and_runtime() {
        let agent = super::user_agent(Some("lang/python#3.12"));
        assert!(agent.starts_with(&format!("iot-transfer/{} lang/rust os/", env!("CARGO_PKG_VERSION"))));
        assert!(agent.ends_with(" lang/python#3.12"));
    }
}
