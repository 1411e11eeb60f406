//! A builder per input record, as the AWS SDK for Kotlin builds its requests:
//! `TransferCertificateInput { certificateId = "..." }`, `input.copy { transferMessage = "..." }`.

use super::kdoc;
use super::members::BuilderMember;
use iot_transfer_codegen::{Group, Item};
use std::fmt::Write as _;

/// An input record and its members as the builder holds them.
pub(crate) struct Input {
    /// The record's name.
    pub name: &'static str,
    /// The record's doc comment.
    pub doc: String,
    /// Its members, in order.
    pub members: Vec<BuilderMember>,
}

impl Input {
    /// The builder's class name.
    pub(crate) fn builder(&self) -> String {
        format!("{}Builder", self.name)
    }

    /// Whether every member may be left unset, so that `Input { }` is a complete input.
    pub(crate) fn all_optional(&self) -> bool {
        self.members.iter().all(|member| !member.required)
    }
}

/// Every input record of the declarations.
pub(crate) fn inputs(items: &[Item]) -> Vec<Input> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Record { name, group: Group::Input, doc, members } => Some(Input {
                name,
                doc: doc.clone(),
                members: members.iter().map(|member| BuilderMember::new(member, items)).collect(),
            }),
            _ => None,
        })
        .collect()
}

fn render_one(input: &Input) -> String {
    let (name, builder) = (input.name, input.builder());
    let mut kt = String::new();
    let required: Vec<&str> = input.members.iter().filter(|m| m.required).map(|m| m.name.as_str()).collect();
    let required = match required.as_slice() {
        [] => "Every member may be left unset.".to_owned(),
        names => format!(
            "Required: {}. A required member left unset is sent empty, and the client's validation names it.",
            names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
        ),
    };
    kt.push_str(&kdoc(
        "",
        &[&format!("The builder of [{name}]: `{name} {{ ... }}`, or `input.copy {{ ... }}`."), &input.doc, &required],
    ));
    let _ = writeln!(kt, "class {builder}() {{");
    for member in &input.members {
        kt.push_str(&kdoc("    ", &[&member.doc]));
        let _ = writeln!(kt, "    var {}: {} = {}\n", member.name, member.builder_type, member.initial);
    }
    kt.push_str(&kdoc("    ", &["A builder holding the members of `input`, as `copy { }` starts from."]));
    let _ = writeln!(kt, "    constructor(input: {name}) : this() {{");
    for member in &input.members {
        let _ = writeln!(kt, "        this.{} = {}", member.name, member.from_record);
    }
    kt.push_str("    }\n\n");
    kt.push_str(&kdoc("    ", &[&format!("The [{name}] this builder holds.")]));
    let _ = writeln!(kt, "    fun build(): {name} = {name}(");
    for member in &input.members {
        let _ = writeln!(kt, "        {} = {},", member.name, member.to_record);
    }
    kt.push_str("    )\n}\n\n");
    kt.push_str(&kdoc("", &[&format!("A [{name}] built by `block`, as the AWS SDK for Kotlin builds a request.")]));
    let _ = writeln!(
        kt,
        "operator fun {name}.Companion.invoke(block: {builder}.() -> Unit): {name} =\n    {builder}().apply(block).build()\n"
    );
    kt.push_str(&kdoc("", &["A copy of this input with the changes `block` makes."]));
    let _ = writeln!(
        kt,
        "fun {name}.copy(block: {builder}.() -> Unit): {name} =\n    {builder}(this).apply(block).build()"
    );
    kt
}

/// `Builders.kt`.
pub(crate) fn render(inputs: &[Input]) -> String {
    inputs.iter().map(|input| format!("\n{}", render_one(input))).collect()
}
