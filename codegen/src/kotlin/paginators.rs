//! A cold `Flow` of pages per list operation, as the AWS SDK for Kotlin's paginators:
//! `client.listCertificatesPaginated { pageSize = 50 }`, and a `Flow` of the pages' items:
//! `.certificates()`. Each collection opens one of uniffi's paginators, closes it at the end, and
//! sends one request per page as the collector asks for it.

use super::builders::Input;
use super::kdoc;
use iot_transfer_codegen::{camel, upper_camel, Item, Operation, Paginator};
use std::fmt::Write as _;

/// The member of `output` that lists the page's items of type `item`.
fn items_member(items: &[Item], output: &str, item: &str) -> String {
    let member = items.iter().find_map(|declared| match declared {
        Item::Record { name, members, .. } if *name == output => {
            members.iter().find(|member| member.rust_type == format!("Vec<{item}>"))
        }
        _ => None,
    });
    camel(member.unwrap_or_else(|| panic!("{output} has no member listing {item}")).name)
}

/// `Paginators.kt`.
pub(crate) fn render(paginators: &[Paginator], operations: &[Operation], items: &[Item], inputs: &[Input]) -> String {
    let mut kt = String::new();
    for paginator in paginators {
        let operation = operations
            .iter()
            .find(|operation| operation.name == paginator.name)
            .unwrap_or_else(|| panic!("the paginator {} walks no declared operation", paginator.method));
        let input = inputs
            .iter()
            .find(|input| input.name == paginator.input)
            .unwrap_or_else(|| panic!("{} is no input", paginator.input));
        let flow = format!("{}Paginated", camel(operation.method));
        let (open, output, builder) = (camel(paginator.method), operation.output, input.builder());
        let default = if input.all_optional() { format!(" = {} {{ }}", input.name) } else { String::new() };
        let cold = "A cold [Flow]: each collection starts again from the first page, and sends one request \
                    per page as the collector asks for it. A failed call is thrown to the collector and ends the flow.";
        kt.push('\n');
        kt.push_str(&kdoc("", &[&paginator.doc, cold]));
        let _ = writeln!(
            kt,
            "fun IotTransferClient.{flow}(initialInput: {}{default}): Flow<{output}> =\n    \
             paginated({{ {open}(initialInput) }}) {{ it.nextPage() }}\n",
            input.name
        );
        kt.push_str(&kdoc(
            "",
            &[&format!("The same as `{flow}(input)`, with the first page's input built by `block` ([{builder}]).")],
        ));
        let _ = writeln!(
            kt,
            "fun IotTransferClient.{flow}(block: {builder}.() -> Unit): Flow<{output}> =\n    {flow}({}(block))\n",
            input.name
        );
        let member = super::members::ident(&items_member(items, output, paginator.item));
        kt.push_str(&kdoc(
            "",
            &[&format!(
                "The items of every page's `{member}`, one [{}] at a time, from a flow of `{flow}`.",
                paginator.item
            )],
        ));
        let _ = writeln!(
            kt,
            "@JvmName(\"{flow}{}\")\nfun Flow<{output}>.{member}(): Flow<{}> =\n    transform {{ page -> page.{member}.forEach {{ emit(it) }} }}",
            upper_camel(&member),
            paginator.item
        );
    }
    kt
}
