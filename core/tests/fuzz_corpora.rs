//! Replays the fuzz corpora on stable Rust, without libFuzzer: every file in
//! `core/fuzz/corpus/<target>/` (the seeds, and each input that ever broke an invariant) goes
//! through the same check the fuzz target runs, from the same source file.

use crate::fuzz_checks;

use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

fn file_stems(dir: &Path) -> Vec<String> {
    let mut stems: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    stems.sort();
    stems
}

#[test]
fn every_fuzz_target_has_a_check_and_a_seed_corpus() {
    let checked: Vec<&str> = fuzz_checks::TARGETS.iter().map(|(name, _)| *name).collect();
    assert_eq!(file_stems(&fuzz_dir().join("fuzz_targets")), checked, "fuzz_targets/*.rs and TARGETS differ");
    assert_eq!(file_stems(&fuzz_dir().join("corpus")), checked, "corpus/* and TARGETS differ");
    // `cargo fuzz` runs only the targets with a [[bin]] in the fuzz crate's manifest.
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
    let mut bins: Vec<&str> = manifest
        .split("[[bin]]")
        .skip(1)
        .filter_map(|section| section.lines().find_map(|line| line.trim().strip_prefix("name = ")))
        .map(|name| name.trim_matches('"'))
        .collect();
    bins.sort();
    assert_eq!(bins, checked, "the [[bin]] targets of core/fuzz/Cargo.toml and TARGETS differ");
}

#[test]
fn every_corpus_input_keeps_its_targets_invariants() {
    let mut failures = Vec::new();
    let mut replayed = 0;
    for (target, check) in fuzz_checks::TARGETS {
        let dir = fuzz_dir().join("corpus").join(target);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().path()).collect();
        files.sort();
        assert!(!files.is_empty(), "{} has no seeds", dir.display());
        for file in files {
            let data = std::fs::read(&file).unwrap();
            if std::panic::catch_unwind(|| check(&data)).is_err() {
                failures.push(format!("{target}/{}", file.file_name().unwrap().to_string_lossy()));
            }
            replayed += 1;
        }
    }
    assert!(failures.is_empty(), "inputs breaking an invariant (the panics above say which): {failures:#?}");
    println!("replayed {replayed} corpus inputs");
}
